/**
 * The shape of a scope: which of its criteria are given (not null). Cypher is specialised to a
 * shape: a criterion that is not given emits no clause, one that is given emits it without a
 * null guard, so the planner sees only what it must check. Paths name nested criteria
 * ("filter.kinds"); paging fields are not criteria.
 */
export type Shape = ReadonlySet<string>;

const PAGING = new Set(["id", "order", "cursor", "limit", "descending"]);

/** The criteria given in `values` (one level of nesting, as "filter.kinds"). */
export function shapeOf(values: object | null | undefined): Shape {
  const given = new Set<string>();
  for (const [name, value] of Object.entries(values ?? {})) {
    if (value == null || PAGING.has(name)) continue;
    given.add(name);
    if (typeof value === "object" && !Array.isArray(value) && !isNeo4jValue(value)) {
      for (const [inner, v] of Object.entries(value)) if (v != null) given.add(`${name}.${inner}`);
    }
  }
  return given;
}

/** The part of `shape` under `name` ("filter"), without the prefix. */
export function within(shape: Shape, name: string): Shape {
  const prefix = `${name}.`;
  return new Set([...shape].filter((path) => path.startsWith(prefix)).map((path) => path.slice(prefix.length)));
}

/** The clauses of the criteria given, joined by AND ("true" when none is). */
export function whereGiven(shape: Shape, clauses: Record<string, string>): string {
  const given = Object.keys(clauses).filter((name) => shape.has(name));
  return given.length === 0 ? "true" : given.map((name) => clauses[name]).join(" AND ");
}

/**
 * Runs a batch of loader keys as one query per shape (almost always one), answers in key order.
 * `run` gets the keys of one shape and that shape (`shapeOfKey`, shapeOf by default).
 */
export async function byShape<K extends object, V>(
  keys: readonly K[],
  run: (keys: K[], shape: Shape) => Promise<V[]>,
  shapeOfKey: (key: K) => Shape = shapeOf,
): Promise<V[]> {
  const groups = new Map<string, { shape: Shape; indexes: number[] }>();
  keys.forEach((key, index) => {
    const shape = shapeOfKey(key);
    const id = [...shape].sort().join(",");
    const group = groups.get(id) ?? { shape, indexes: [] };
    group.indexes.push(index);
    groups.set(id, group);
  });
  const out: V[] = new Array(keys.length);
  for (const { shape, indexes } of groups.values()) {
    const values = await run(indexes.map((index) => keys[index]), shape);
    indexes.forEach((index, i) => (out[index] = values[i]));
  }
  return out;
}

/** Neo4j dates and integers are objects, but values, not nested criteria. */
function isNeo4jValue(value: object): boolean {
  return value.constructor !== Object;
}
