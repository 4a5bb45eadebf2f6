import { GraphDocument } from "../../src/seed/document";
import { knownGraph } from "../support/known-graph";

/**
 * knownGraph under `prefix`, with its own SIREN and RNA (`n` = 0, 1, 2 per test file):
 * those are unique in the database, so other files' copies loaded meanwhile never collide.
 */
export function exportKnownGraph(prefix: string, n: number): GraphDocument {
  const doc = knownGraph(prefix);
  const sirens = ["477700009", "477700017", "477700025"];
  doc.actors = doc.actors.map((actor: any) =>
    actor.rna ? { ...actor, rna: `W94777000${n}` } : actor.siren ? { ...actor, siren: sirens[n] } : actor,
  );
  return doc;
}
