import neo4j from "neo4j-driver";

/** "2022-03-10" → a Neo4j `date`, so Cypher compares and filters real dates. */
export function toNeo4jDate(value: string | null | undefined) {
  if (value == null) return null;
  const [year, month, day] = value.split("-").map(Number);
  return new neo4j.types.Date(year, month, day);
}
