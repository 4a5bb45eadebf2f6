import { jsonErrorAt } from "../src/import/json-error";
for (const t of ['{\n  "actors": [\n    { "id": "a", },\n  ]\n}', '{\n "a": 1\n ', '{"a": tru}', '\n\n', '{"a": "x\ny"}', '[1,]', '{"a" 1}', '\uFEFF{"a":1} x']) { try { JSON.parse(t); console.log("ok") } catch (e) { console.log(JSON.stringify(t), "=>", jsonErrorAt(t)) } }
