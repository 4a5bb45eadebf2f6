/**
 * What a map projection of a node reads: every property but the bookkeeping timestamps.
 * The API exposes neither `createdAt` nor `updatedAt`, and a DateTime with an offset is the
 * costliest value the JS driver decodes (Integer arithmetic per field): on the W1-hub bench
 * request they were most of the driver's CPU time. Explicit keys win over `.*`, so both
 * arrive as null. Usage, inside a Cypher template: `RETURN x {${NODE_PROPS}} AS x`.
 */
export const NODE_PROPS = ".*, createdAt: null, updatedAt: null";
