import { keyedLoader } from "../src/common/loader";

/** A loader over `batch` that records each call's keys. */
function recording() {
  const calls: string[][] = [];
  const loader = keyedLoader(async (keys: readonly { id: string }[]) => {
    calls.push(keys.map((key) => key.id));
    return keys.map((key) => `fetched ${key.id}`);
  });
  return { calls, loader };
}

describe("keyedLoader", () => {
  it("sends each distinct key of a tick once, in one batch, comparing keys by their JSON", async () => {
    const { calls, loader } = recording();
    const values = await Promise.all([loader.load({ id: "a" }), loader.load({ id: "b" }), loader.load({ id: "a" })]);
    expect(values).toEqual(["fetched a", "fetched b", "fetched a"]);
    expect(calls).toEqual([["a", "b"]]);
  });

  it("caches nothing it loaded: the same key asked again is a new batch", async () => {
    const { calls, loader } = recording();
    await loader.load({ id: "a" });
    await loader.load({ id: "a" });
    expect(calls).toEqual([["a"], ["a"]]);
  });

  it("answers primed keys from the value handed over, every time, and batches only the others", async () => {
    const { calls, loader } = recording();
    loader.prime({ id: "a" }, "ahead a");
    const first = await Promise.all([loader.load({ id: "a" }), loader.load({ id: "b" }), loader.load({ id: "a" })]);
    const again = await loader.load({ id: "a" });
    expect(first).toEqual(["ahead a", "fetched b", "ahead a"]);
    expect(again).toBe("ahead a");
    expect(calls).toEqual([["b"]]);
  });

  it("makes no query when every key of a tick was primed, and a primed error rejects its loads", async () => {
    const { calls, loader } = recording();
    loader.prime({ id: "a" }, "ahead a");
    loader.prime({ id: "bad" }, new Error("primed failure"));
    expect(await loader.load({ id: "a" })).toBe("ahead a");
    await expect(loader.load({ id: "bad" })).rejects.toThrow("primed failure");
    expect(calls).toEqual([]);
  });
});
