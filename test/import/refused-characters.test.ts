import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Connection } from "../../src/neo4j/connect";
import { importFiles } from "../../src/import/importer";
import { openTestDatabase } from "../support/database";
import { deleteImported } from "./import-support";

// Defect 3 of issue 13, import side: rows holding characters XML cannot hold are rejected (file, line or pointer, field), the others written.
const P = "chr-";
let connection: Connection;
let dir: string;

beforeAll(async () => {
  connection = await openTestDatabase();
  dir = mkdtempSync(join(tmpdir(), "maillage-chars-"));
});
beforeEach(() => deleteImported(connection, P));
afterAll(async () => {
  await deleteImported(connection, P);
  await connection.close();
});

async function stored(): Promise<Record<string, unknown>> {
  const rows = await connection.executor.read(
    `MATCH (a:Actor) WHERE a.id STARTS WITH $p RETURN a.id AS id, a.name AS name, a.description AS description ORDER BY id`,
    { p: P },
  );
  return Object.fromEntries(rows.map((row) => [row.id, [row.name, row.description]]));
}

it("CSV: rejects each row with a refused character, naming line, column and character; writes the others", async () => {
  const path = join(dir, "actors.csv");
  writeFileSync(
    path,
    "id,name,kind,description\n" +
      `${P}ok,Bon,MEDIA,"Deux\nlignes\tet un tab"\n` + // lines 2-3: a quoted cell over two lines
      `${P}nul,Mau\u0000vais,MEDIA,\n` +
      `${P}tab,"A\tB",MEDIA,\n` +
      `${P}ffff,C,MEDIA,fin\uFFFF\n`,
  );
  const result = await importFiles(connection.executor, [path]);
  expect(result.rejected).toEqual([
    { file: path, line: 4, entity: "actors", key: `${P}nul`, field: "name", reason: "contains U+0000 (a control character) at character 4; remove it" },
    { file: path, line: 5, entity: "actors", key: `${P}tab`, field: "name", reason: "contains U+0009 (a tab) at character 2; this field is one line: replace it with a space" },
    { file: path, line: 6, entity: "actors", key: `${P}ffff`, field: "description", reason: "contains U+FFFF (a noncharacter) at character 4; remove it" },
  ]);
  expect(await stored()).toEqual({ [`${P}ok`]: ["Bon", "Deux\nlignes\tet un tab"] });
});

it("JSON: rejects each row with a refused character, naming its pointer and the character; writes the others", async () => {
  const path = join(dir, "doc.json");
  // Written as JSON escapes, as a client would send them: "\u0000", a lone "\ud800", "\u001b".
  writeFileSync(
    path,
    `{"actors": [
      {"id": "${P}ok", "name": "Café 😀", "kind": "MEDIA"},
      {"id": "${P}nul", "name": "x\\u0000", "kind": "MEDIA"},
      {"id": "${P}half", "name": "y", "kind": "MEDIA", "description": "a\\ud800b"},
      {"id": "${P}esc", "name": "\\u001b[31mrouge", "kind": "MEDIA"}
    ]}`,
  );
  const result = await importFiles(connection.executor, [path]);
  expect(result.rejected).toEqual([
    { file: path, pointer: "/actors/1/name", entity: "actors", key: `${P}nul`, field: "name", reason: "contains U+0000 (a control character) at character 2; remove it" },
    { file: path, pointer: "/actors/2/description", entity: "actors", key: `${P}half`, field: "description", reason: "contains U+D800 (half of a surrogate pair, alone) at character 2; remove it" },
    { file: path, pointer: "/actors/3/name", entity: "actors", key: `${P}esc`, field: "name", reason: "contains U+001B (a control character) at character 1; remove it" },
  ]);
  expect(result.rowsRejected).toBe(3);
  expect(await stored()).toEqual({ [`${P}ok`]: ["Café 😀", null] });
});
