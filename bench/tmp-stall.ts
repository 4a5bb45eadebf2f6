import "reflect-metadata";
import http from "node:http";
import { openConnection } from "./lib/database";
import { pickTargets, requestKinds } from "./public-load-requests";
const healthz = () => new Promise<number>((resolve) => { const s = Date.now(); http.get({ host: "127.0.0.1", port: 4999, path: "/healthz", agent: false }, (r) => { r.resume(); r.on("end", () => resolve(Date.now() - s)); }); });
(async () => {
  const c = await openConnection("bolt://127.0.0.1:17712");
  const kinds = requestKinds(await pickTargets(c.executor)); await c.close();
  await new Promise((r) => setTimeout(r, 20000));
  let ipn = 0;
  for (const k of [...kinds, ...kinds]) {
    const lat: number[] = []; let stop = false;
    const sampler = (async () => { while (!stop) { lat.push(await healthz()); await new Promise((r) => setTimeout(r, 20)); } })();
    const s = Date.now();
    const st = await Promise.all(Array.from({ length: 4 }, (_, i) => fetch("http://127.0.0.1:4999/graphql", { method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": `10.5.${ipn}.${i}` }, body: k.body(100 + ipn * 10 + i) }).then((r) => r.text().then(() => r.status))));
    ipn++;
    stop = true; await sampler;
    console.log(k.name.padEnd(28), "statuses", st.join(","), "wall", Date.now() - s, "ms; healthz max", Math.max(...lat), "ms over", lat.length, "samples; load", require("os").loadavg()[0].toFixed(1));
  }
})();
