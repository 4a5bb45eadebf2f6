/** Floor Cypher per workload name, handed over by the parent in BENCH_FLOOR_QUERIES (JSON {name: cypher}). */
let cache: Record<string, string> | undefined;
export function FLOOR_QUERIES(): Record<string, string> {
  return (cache ??= JSON.parse(process.env.BENCH_FLOOR_QUERIES ?? "{}"));
}
