import { AvailabilityGate } from "../../src/neo4j/availability";
import { sleep } from "./own-neo4j";

/** The availability gate on its own, with a probe the test controls. */
describe("AvailabilityGate", () => {
  function gateWith(answers: boolean[]) {
    const asked: number[] = [];
    const probe = async () => {
      asked.push(asked.length + 1);
      if (!answers.shift()) throw new Error("still away");
    };
    return { gate: new AvailabilityGate(probe, 10, 1_000), asked };
  }

  async function until(condition: () => boolean): Promise<void> {
    for (let i = 0; i < 500 && !condition(); i++) await sleep(10);
  }

  it("lets everything through while open", () => {
    const { gate, asked } = gateWith([]);
    expect(() => gate.check()).not.toThrow();
    expect(gate.state()).toEqual({ available: true, refused: 0, probes: 0 });
    expect(asked).toEqual([]);
  });

  it("once closed, refuses at once with 503 and Retry-After, probing until an answer reopens it", async () => {
    const { gate, asked } = gateWith([false, false, true]);
    gate.close();
    gate.close(); // closing again changes nothing
    let refusal: any;
    try {
      gate.check();
    } catch (error) {
      refusal = error;
    }
    expect(refusal.extensions).toEqual({
      code: "SERVICE_UNAVAILABLE",
      retryAfterSeconds: 1,
      http: { status: 503, headers: new Map([["retry-after", "1"]]) },
    });
    expect(() => gate.check()).toThrow("Service unavailable");
    expect(gate.state()).toMatchObject({ available: false, since: expect.any(String), refused: 2 });
    await until(() => gate.available);
    expect(gate.state()).toEqual({ available: true, refused: 2, probes: 3 });
    expect(asked).toEqual([1, 2, 3]);
    await sleep(50);
    expect(asked).toEqual([1, 2, 3]); // no probe once open
  });

  it("shares one probe between callers of probeNow", async () => {
    const { gate, asked } = gateWith([true]);
    gate.close();
    expect(await Promise.all([gate.probeNow(), gate.probeNow(), gate.probeNow()])).toEqual([true, true, true]);
    expect({ asked, available: gate.available }).toEqual({ asked: [1], available: true });
  });

  it("stops probing for good once stopped", async () => {
    const { gate, asked } = gateWith([]);
    gate.close();
    gate.stop();
    await sleep(60);
    expect({ asked, available: gate.available }).toEqual({ asked: [], available: false });
  });
});
