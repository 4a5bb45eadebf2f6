/**
 * How a property travels through a backup file without loss: as `[key, type, value]`, `type` being
 * Neo4j's own name (`valueType()` without "NOT NULL": "INTEGER", "ZONED DATETIME", "LIST<DATE>", …)
 * and `value` JSON: strings and booleans as they are, finite floats as numbers, integers (any size),
 * temporals and durations as Cypher's `toString()` (which its constructors read back exactly),
 * points as `[srid, x, y(, z)]`, non-finite floats as "NaN", "Infinity", "-Infinity".
 */
export type Property = [key: string, type: string, value: unknown];

// One scalar `x` as the file holds it (the driver returns integers as lossy JS numbers, so Cypher sends text).
const ENCODE_SCALAR = (x: string) => `CASE
  WHEN ${x} IS :: STRING OR ${x} IS :: BOOLEAN OR ${x} IS :: FLOAT THEN ${x}
  WHEN ${x} IS :: POINT THEN CASE WHEN ${x}.srid IN [4979, 9157] THEN [${x}.srid, ${x}.x, ${x}.y, ${x}.z] ELSE [${x}.srid, ${x}.x, ${x}.y] END
  ELSE toString(${x}) END`;

/** Cypher: the properties of node or relationship `e` as a list of `[key, type, value]`. */
export const ENCODED_PROPERTIES = (e: string) => `[k IN keys(${e}) | [k, replace(valueType(${e}[k]), ' NOT NULL', ''),
  CASE WHEN ${e}[k] IS :: LIST<ANY> THEN [x IN ${e}[k] | ${ENCODE_SCALAR("x")}] ELSE ${ENCODE_SCALAR(`${e}[k]`)} END]]`;

/** The driver gives non-finite floats as JS numbers, which JSON cannot hold. */
export function toFileProperties(properties: Property[]): Property[] {
  for (const property of properties) {
    const value = property[2];
    if (typeof value === "number" && !Number.isFinite(value)) property[2] = String(value);
    else if (Array.isArray(value)) property[2] = value.map((x) => (typeof x === "number" && !Number.isFinite(x) ? String(x) : x));
  }
  return properties;
}

// Cypher that rebuilds scalar `v` of scalar type `t` (the inverse of ENCODE_SCALAR).
const DECODE_SCALAR = (t: string, v: string) => `CASE ${t}
  WHEN 'INTEGER' THEN toInteger(${v})
  WHEN 'FLOAT' THEN CASE ${v} WHEN 'NaN' THEN sqrt(-1) WHEN 'Infinity' THEN exp(1000) WHEN '-Infinity' THEN -exp(1000) ELSE toFloat(${v}) END
  WHEN 'DATE' THEN date(${v})
  WHEN 'LOCAL TIME' THEN localtime(${v})
  WHEN 'ZONED TIME' THEN time(${v})
  WHEN 'LOCAL DATETIME' THEN localdatetime(${v})
  WHEN 'ZONED DATETIME' THEN datetime(${v})
  WHEN 'DURATION' THEN duration(${v})
  WHEN 'POINT' THEN CASE size(${v}) WHEN 4 THEN point({srid: toInteger(${v}[0]), x: ${v}[1], y: ${v}[2], z: ${v}[3]}) ELSE point({srid: toInteger(${v}[0]), x: ${v}[1], y: ${v}[2]}) END
  ELSE ${v} END`;

/** Types JSON carries as they are: sent as a plain map and set in one go, not one SET per property. */
const PLAIN_TYPES = new Set(["STRING", "BOOLEAN", "LIST<STRING>", "LIST<BOOLEAN>"]);

/** Splits properties into a plain map and the `[key, type, value]` that Cypher must rebuild (SET_DECODED_PROPERTIES). */
export function splitProperties(properties: Property[]): { plain: Record<string, unknown>; typed: Property[] } {
  const plain: Record<string, unknown> = {};
  const typed: Property[] = [];
  for (const property of properties) {
    if (PLAIN_TYPES.has(property[1])) plain[property[0]] = property[2];
    else typed.push(property);
  }
  return { plain, typed };
}

/** Cypher: sets on `e` the map `${row}.plain`, then every `[key, type, value]` of `${row}.typed` rebuilt with its Neo4j type. */
export const SET_DECODED_PROPERTIES = (e: string, row: string) => `SET ${e} = ${row}.plain
FOREACH (p IN ${row}.typed |
  SET ${e}[p[0]] = CASE WHEN p[1] STARTS WITH 'LIST<'
    THEN [x IN p[2] | ${DECODE_SCALAR("substring(p[1], 5, size(p[1]) - 6)", "x")}]
    ELSE ${DECODE_SCALAR("p[1]", "p[2]")} END)`;

/** Property types a file may hold: anything else is refused before loading. */
const SCALAR_TYPES = new Set(["STRING", "BOOLEAN", "INTEGER", "FLOAT", "DATE", "LOCAL TIME", "ZONED TIME", "LOCAL DATETIME", "ZONED DATETIME", "DURATION", "POINT"]);

export function isKnownPropertyType(type: string): boolean {
  const list = /^LIST<(.+)>$/.exec(type);
  return list ? list[1] === "NOTHING" || SCALAR_TYPES.has(list[1]) : SCALAR_TYPES.has(type);
}
