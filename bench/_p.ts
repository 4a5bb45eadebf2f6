import { openConnection } from "./lib/database";
import { SCOPED_NETWORK } from "../src/analytics/analytics.cypher";
import { scopeShape } from "../src/alliance/alliance-filter";
(async () => {
  const c = await openConnection("bolt://127.0.0.1:17719");
  const cypher = SCOPED_NETWORK(scopeShape({} as any, null), false);
  const s = c.driver.session();
  const t = Date.now();
  const r = await s.run("PROFILE " + cypher, { filter: {}, at: null, actorKinds: null, maxActors: 100000 });
  console.log("ms", Date.now() - t, "available", r.summary.resultAvailableAfter.toString(), "consumed", r.summary.resultConsumedAfter.toString());
  const walk = (p: any, d = 0): void => { console.log(" ".repeat(d) + p.operatorType, "rows", p.rows, "dbHits", p.dbHits, (p.arguments?.Details ?? "").slice(0, 120)); p.children.forEach((x: any) => walk(x, d + 1)); };
  walk(r.summary.profile);
  await s.close(); await c.close();
})();
