import { Diff, DiffItem } from "./diff";

const MARK = { added: "+", removed: "-", changed: "~" } as const;

const value = (v: unknown) => (v === null || v === undefined ? "(none)" : JSON.stringify(v));

/** The point as a citation names it: "release 2026-Q4 (seq 12, recorded 2026-…)" or "seq 12 (recorded …)". */
const pointText = (p: Diff["from"]) => `${p.release ? `release ${p.release} ` : ""}(seq ${p.seq}, recorded ${p.at})`;

/** The log's entries for an item, one clause each: "seq 14 UPDATED by MUTATION (api-key:editor) at …". */
const logText = (item: DiffItem) =>
  item.changes.length === 0 ? "" : `  [${item.changes.map((c) => `seq ${c.seq} ${c.op} by ${c.how}${c.who ? ` (${c.who})` : ""} at ${c.at}`).join("; ")}]`;

/**
 * The diff for a reader: what it compares, the counts, then one line per entity ("+ Actor id",
 * "- Membership id", "~ Actor id  name: "A" → "B"; website: (none) → "…""), with the log's entries.
 */
export function diffText(diff: Diff, scope: string): string {
  const lines = [
    `Diff of ${scope}`,
    `  from ${pointText(diff.from)}`,
    `  to   ${pointText(diff.to)}`,
    `${diff.addedCount} added, ${diff.removedCount} removed, ${diff.changedCount} changed`,
  ];
  for (const kind of ["added", "removed", "changed"] as const) {
    for (const item of diff[kind]) {
      const fields = item.fields.map((f) => `${f.field}: ${value(f.before)} → ${value(f.after)}`).join("; ");
      lines.push(`${MARK[kind]} ${item.entity} ${item.id}${fields ? `  ${fields}` : ""}${logText(item)}`);
    }
  }
  if (diff.truncated) lines.push(`(lists cut at --first: ${diff.added.length + diff.removed.length + diff.changed.length} of ${diff.addedCount + diff.removedCount + diff.changedCount} shown)`);
  if (diff.scopeCapped) lines.push("(the neighbourhood was over 2,000 actors and alliances: only the nearest were compared)");
  return lines.join("\n");
}
