/**
 * What a map projection of a node reads: every property but the bookkeeping timestamps.
 * The API exposes neither `createdAt` nor `updatedAt`, and a DateTime with an offset is the
 * costliest value the JS driver decodes (Integer arithmetic per field): on the W1-hub bench
 * request they were most of the driver's CPU time. Explicit keys win over `.*`, so both
 * arrive as null. Usage, inside a Cypher template: `RETURN x {${NODE_PROPS}} AS x`.
 */
export const NODE_PROPS = ".*, createdAt: null, updatedAt: null";

/**
 * A map projection of node `x` reading only what a selection needs: `id`, the selected fields
 * that are stored properties (`stored`), and for each selected computed field its `derived`
 * entry (e.g. `basedIn` needs `basedInId`). Other selected fields are resolved from the id.
 * With `selected` null (unknown), every property. Used where the answer goes straight to the
 * client (a shortest path), never for values handed to loaders, which another field of the
 * request may read with a different selection.
 */
export function selectedProps(
  x: string,
  selected: ReadonlySet<string> | null | undefined,
  stored: readonly string[],
  derived: Readonly<Record<string, string>> = {},
): string {
  if (!selected) return `${x} {${NODE_PROPS}${Object.values(derived).map((entry) => `, ${entry}`).join("")}}`;
  const entries = ["id", ...stored.filter((name) => name !== "id" && selected.has(name))].map((name) => `.${name}`);
  for (const [field, entry] of Object.entries(derived)) if (selected.has(field)) entries.push(entry);
  return `${x} {${entries.join(", ")}}`;
}
