import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Connection } from "../../src/neo4j/connect";
import { importFiles } from "../../src/import/importer";
import { SPECS } from "../../src/import/entities";
import { importJsonSchema } from "../../src/import/import-schema";
import { describeRejection } from "../../src/import/rows";
import { exportText, openExport } from "../../src/export/export.service";
import { ExportFormat } from "../../src/export/export.formats";
import { WHOLE_GRAPH } from "../../src/export/export.scope";
import { IDENTIFIER_PROPERTIES } from "../../src/identifier/schemes";
import { deleteByPrefix, openTestDatabase } from "../support/database";

// Identifiers travel through files: CSV and JSON imports (in the forms people write), the JSON export, the JSON Schema.
const P = "ident-files-";
let connection: Connection;
let dir: string;

beforeAll(async () => {
  connection = await openTestDatabase();
  await deleteByPrefix(connection, P);
  dir = mkdtempSync(join(tmpdir(), "maillage-ident-"));
});

afterAll(async () => {
  await deleteByPrefix(connection, P);
  rmSync(dir, { recursive: true, force: true });
  await connection.close();
});

const identifiers = async (prefix: string) =>
  Object.fromEntries(
    (
      await connection.executor.read(
        `MATCH (a:Actor) WHERE a.id STARTS WITH $prefix RETURN a.id AS id, a {.siren, .siret, .rna, .ror, .uai, .wikidata, .inseeCog, .website} AS ids ORDER BY id`,
        { prefix },
      )
    ).map((row) => [row.id, Object.fromEntries(Object.entries(row.ids).filter(([, value]) => value !== null))]),
  );

const SCHOOL = { siren: "915001572", siret: "91500157200014", ror: "0z00c1s12", uai: "0949901B", wikidata: "Q999000003", website: "https://ident-files.example.org/ecole" };

describe("import and export carry identifiers", () => {
  it("declares them once: CSV columns, JSON Schema properties", () => {
    expect(SPECS.actors.columns).toEqual(expect.arrayContaining(IDENTIFIER_PROPERTIES));
    const actorSchema = (importJsonSchema() as any).$defs.actor.properties;
    for (const property of IDENTIFIER_PROPERTIES) expect(Object.keys(actorSchema)).toContain(property);
  });

  it("reads a CSV with identifiers in the forms spreadsheets hold, stores the normal forms, and says what it read", async () => {
    const path = join(dir, "actors.csv");
    writeFileSync(
      path,
      "id;name;kind;siren;siret;ror;uai;wikidata;inseeCog;website\r\n" +
        `${P}school;École des fichiers;ACADEMIC;915 001 572;915 001 572 00014;https://ror.org/0z00c1s12;0949901b;https://www.wikidata.org/wiki/Q999000003;;https://IDENT-FILES.example.org/ecole\r\n` +
        `${P}town;Ville des fichiers;LOCAL_AUTHORITY;;;;;;2a004;\r\n`,
    );
    const result = await importFiles(connection.executor, [path]);
    expect(result.rejected.map(describeRejection)).toEqual([]);
    expect(await identifiers(P)).toEqual({ [`${P}school`]: SCHOOL, [`${P}town`]: { inseeCog: "2A004" } });
    expect(result.normalised.map((n: any) => n.column).sort()).toEqual(["inseeCog", "ror", "siren", "siret", "uai", "website", "wikidata"]);
  });

  it("refuses a CSV cell whose check digit is wrong, quoting it as written", async () => {
    const path = join(dir, "actors.csv");
    writeFileSync(path, `id;name;kind;ror;uai\r\n${P}bad;Mauvais;ACADEMIC;https://ror.org/0z00c1s13;0949901C\r\n`);
    const result = await importFiles(connection.executor, [path]);
    expect(result.rejected.map((r) => [r.field, r.reason])).toEqual([
      ["ror", '"https://ror.org/0z00c1s13": the check digits are wrong (ISO 7064 mod 97-10)'],
      ["uai", '"0949901C": the check letter is wrong (0949901B expected)'],
    ]);
    expect(await identifiers(`${P}bad`)).toEqual({});
  });

  it("reads a JSON document with identifiers in other forms", async () => {
    const path = join(dir, "doc.json");
    writeFileSync(path, JSON.stringify({ actors: [{ id: `${P}assoc`, name: "Association des fichiers", kind: "ASSOCIATION", rna: "w915001572", siren: "915.001.564" }] }));
    const result = await importFiles(connection.executor, [path]);
    expect(result.rejected.map(describeRejection)).toEqual([]);
    expect(await identifiers(`${P}assoc`)).toEqual({ [`${P}assoc`]: { rna: "W915001572", siren: "915001564" } });
  });

  it("exports them in the JSON document, which imports back to the same values", async () => {
    const text = await exportText(await openExport(connection.executor, ExportFormat.JSON, { ...WHOLE_GRAPH, idPrefix: P }));
    const doc = JSON.parse(text);
    const mine = Object.fromEntries(doc.actors.map((actor: any) => [actor.id, actor]));
    expect(mine[`${P}school`]).toMatchObject(SCHOOL);
    expect(mine[`${P}town`]).toMatchObject({ inseeCog: "2A004" });
    expect(mine[`${P}assoc`]).toMatchObject({ rna: "W915001572", siren: "915001564" });

    const before = await identifiers(P);
    await deleteByPrefix(connection, P);
    const path = join(dir, "exported.json");
    writeFileSync(path, text);
    const result = await importFiles(connection.executor, [path]);
    expect(result.rejected.map(describeRejection)).toEqual([]);
    expect(await identifiers(P)).toEqual(before);
  });
});
