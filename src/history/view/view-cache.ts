import neo4j from "neo4j-driver";
import { ServiceUnavailableError } from "../../common/errors";
import { Executor } from "../../neo4j/executor";
import { Label } from "../../neo4j/graph-model";
import { logger } from "../../logger";
import { materialise } from "./view-materialise";
import { SlotRewriter } from "./view-rewrite";

/** How long a client is told to wait when every slot is in use. */
const RETRY_AFTER_S = 5;

interface Slot {
  rewriter: SlotRewriter;
  /** The seq it holds (complete), or is being built for; null: nothing trusted. */
  seq: number | null;
  /** Requests reading it now: never evicted while > 0. */
  pins: number;
  lastUsed: number;
  /** While it is being built: settles when done (single flight). */
  building?: Promise<void>;
}

/** A slot lent out: read it with `rewriter`; `release()` once (lets it be evicted). */
export interface SlotLease {
  rewriter: SlotRewriter;
  release(): void;
}

const SLOT_STATE = `MATCH (v:${Label.HistoryView}) WHERE v.slot IN $slots RETURN v.slot AS slot, v.seq AS seq, v.complete AS complete`;

/**
 * The recorded views one process keeps: a fixed set of slots, least recently used out, keyed by
 * seq. A slot in use is pinned; a second request for a seq being built waits for that build; with
 * every slot pinned the request is refused (503, retry). A slot's HistoryView node says which seq
 * it holds and whether it is complete: a restarted process reuses a complete slot, and each lease
 * checks it (one read), so a slot a restore wiped, or another process rebuilt, is built again.
 * A state recorded at seq S never changes (history below S is never rewritten): a slot stays valid.
 */
export class ViewCache {
  private readonly slots: Slot[];
  private loaded?: Promise<void>;

  constructor(
    private readonly root: Executor,
    slotNumbers: number[],
  ) {
    this.slots = slotNumbers.map((n) => ({ rewriter: new SlotRewriter(n), seq: null, pins: 0, lastUsed: 0 }));
  }

  /** The slot numbers this cache uses. */
  get slotNumbers(): number[] {
    return this.slots.map((slot) => slot.rewriter.slot);
  }

  /** Which seqs are held now (complete), for the anonymous rule and the tests. */
  async heldSeqs(): Promise<number[]> {
    await this.load();
    return this.slots.filter((slot) => slot.seq !== null && !slot.building).map((slot) => slot.seq!);
  }

  /** A slot holding the state recorded at `seq`, built if none does; pinned until released. */
  async lease(seq: number): Promise<SlotLease> {
    await this.load();
    for (;;) {
      const held = this.slots.find((slot) => slot.seq === seq);
      if (held?.building) {
        await held.building.catch(() => undefined);
        continue;
      }
      if (held) {
        held.pins++;
        if (await this.stillHolds(held, seq)) return this.lent(held);
        held.pins--;
        if (held.seq === seq) held.seq = null;
        continue;
      }
      return this.build(seq);
    }
  }

  private async build(seq: number): Promise<SlotLease> {
    const free = this.slots.filter((slot) => slot.pins === 0 && !slot.building).sort((a, b) => (a.seq === null ? -1 : 0) - (b.seq === null ? -1 : 0) || a.lastUsed - b.lastUsed);
    const slot = free[0];
    if (!slot) throw new ServiceUnavailableError(`every recorded view (${this.slots.length}) is in use by other requests; retry shortly`, RETRY_AFTER_S);
    slot.seq = seq;
    slot.pins++;
    const started = Date.now();
    slot.building = materialise(this.root, slot.rewriter, seq).then(
      (times) => logger.info({ slot: slot.rewriter.slot, seq, ms: Date.now() - started, ...times }, "recorded view built"),
    );
    try {
      await slot.building;
    } catch (error) {
      slot.seq = null;
      slot.pins--;
      throw error;
    } finally {
      slot.building = undefined;
    }
    return this.lent(slot);
  }

  private lent(slot: Slot): SlotLease {
    slot.lastUsed = Date.now();
    let released = false;
    return {
      rewriter: slot.rewriter,
      release: () => {
        if (released) return;
        released = true;
        slot.pins--;
        slot.lastUsed = Date.now();
      },
    };
  }

  // Whether the slot's node still says it holds `seq`, complete (a restore or another process may have changed it).
  private async stillHolds(slot: Slot, seq: number): Promise<boolean> {
    const [row] = await this.root.read(SLOT_STATE, { slots: [neo4j.int(slot.rewriter.slot)] });
    return row?.seq === seq && row?.complete === true;
  }

  // A restarted process takes up the complete slots it finds.
  private load(): Promise<void> {
    this.loaded ??= this.root.read(SLOT_STATE, { slots: this.slotNumbers.map((n) => neo4j.int(n)) }).then((rows) => {
      for (const row of rows) {
        const slot = this.slots.find((s) => s.rewriter.slot === row.slot);
        if (slot && row.complete === true && slot.seq === null) slot.seq = row.seq;
      }
    });
    this.loaded.catch(() => (this.loaded = undefined));
    return this.loaded;
  }

  /** Forgets what the slots hold (after a restore in this process). */
  invalidate(): void {
    for (const slot of this.slots) if (!slot.building) slot.seq = null;
  }
}
