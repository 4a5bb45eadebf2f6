import "reflect-metadata";
import neo4j from "neo4j-driver";
(async () => {
  const d = neo4j.driver("bolt://127.0.0.1:17713");
  const s = d.session();
  for (const q of ["MATCH (t:Territory) WHERE t.code IN ['94028','94046','94080','75056','94','13055','69123','94081','75111'] RETURN t.id AS id, t.name AS name",
     "MATCH (a:Actor) RETURN count(a) AS n, collect(a.id)[0..5] AS ids", "MATCH (a:Actor) WHERE a.siren IN ['552032534','775670417','130025265'] RETURN a.id, a.siren",
     "MATCH (s:Source) RETURN collect(s.id)[0..5] AS ids"]) {
    const r = await s.run(q); console.log(r.records.map((x) => JSON.stringify(x.toObject())).join("\n"));
  }
  await s.close(); await d.close();
})();
