import { jsonErrorAt } from "../src/import/read-json";
for (const t of ['{\n  "actors": [\n    { "id": "a", },\n  ]\n}', '{\n "a": 1\n ', '{"a": tru}', '\n\n']) { try { JSON.parse(t) } catch (e) { console.log((e as Error).message, "=>", jsonErrorAt(t, (e as Error).message)) } }
