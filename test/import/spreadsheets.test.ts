import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { Connection } from "../../src/neo4j/connect";
import { PROJECT_ROOT } from "../../src/common/paths";
import { openTestDatabase } from "../support/database";
import { runCli } from "../support/cli";
import { deleteImported, snapshot } from "./import-support";

// Spreadsheets as French Excel and LibreOffice save them (issue 14): examples/spreadsheets/ (ids "tab-"),
// and test/import/fixtures/refusals/ (ids "tref-"), imported through the CLI.
let connection: Connection;
let dir: string;
const csvFiles = (folder: string) =>
  readdirSync(join(PROJECT_ROOT, folder)).filter((name) => name.endsWith(".csv")).sort().map((name) => join(relative(process.cwd(), PROJECT_ROOT), folder, name));

beforeAll(async () => {
  connection = await openTestDatabase();
  dir = mkdtempSync(join(tmpdir(), "maillage-sheets-"));
});
beforeEach(async () => {
  for (const prefix of ["tab-", "tref-", "tdel-"]) await deleteImported(connection, prefix);
});
afterAll(async () => {
  for (const prefix of ["tab-", "tref-", "tdel-"]) await deleteImported(connection, prefix);
  await connection.close();
});

/** The stored nodes with `prefix`, by id: their properties (timestamps left out) and outgoing links. */
async function stored(prefix: string): Promise<Record<string, { props: Record<string, unknown>; links: string[] }>> {
  const nodes = (await snapshot(connection, prefix)) as { id: string; props: Record<string, unknown>; links: string[] }[];
  return Object.fromEntries(nodes.map((node) => [node.id, { props: node.props, links: node.links }]));
}

describe("the example spreadsheets (examples/spreadsheets)", () => {
  const files = csvFiles("examples/spreadsheets");
  const [actors, alliances, memberships, outcomes, sources] = files;

  it("go in whole, saying how each file was written and which cells were read into the API's forms", async () => {
    expect(files.map((f) => f.split("/").pop())).toEqual(["actors.csv", "alliances.csv", "memberships.csv", "outcomes.csv", "sources.csv"]);
    const report = join(dir, "examples.report.json");
    const { out, code } = await runCli(["import", ...files, "--source", "tab-src-observatoire", "--report", report, "--quiet"]);
    expect(code).toBe(0);
    const lines = out.trimEnd().split("\n");
    const reading = [
      `${actors}: semicolon-separated (found on the header line), UTF-8 with a BOM, CRLF line ends`,
      `${alliances}: semicolon-separated (found on the header line), UTF-8 with a BOM, CRLF line ends, 1 empty row (separators only) skipped`,
      `${memberships}: semicolon-separated (found on the header line), UTF-8 with a BOM, CRLF line ends`,
      `${outcomes}: comma-separated (found on the header line), UTF-8, LF line ends`,
      `${sources}: semicolon-separated (found on the header line), Windows-1252, CRLF line ends`,
    ];
    const normalised = [
      `${actors} siren: 3 SIRENs written with spaces or dots read as 9 digits, e.g. line 2 '552 032 534' → 552032534`,
      `${actors} name: 1 value with spaces around it trimmed, e.g. line 3 'Ville de Créteil ' → Ville de Créteil`,
      `${alliances} startDate: 2 dd/mm/yyyy dates read as YYYY-MM-DD, e.g. line 2 '15/03/2021' → 2021-03-15`,
      `${alliances} endDate: 1 dd/mm/yyyy date read as YYYY-MM-DD, e.g. line 3 '30/06/2023' → 2023-06-30`,
      `${memberships} startDate: 4 dd/mm/yyyy dates read as YYYY-MM-DD, e.g. line 2 '15/03/2021' → 2021-03-15`,
      `${memberships} startDate: 1 date-time at midnight (Excel) read as a date, e.g. line 3 '2021-03-15 00:00:00' → 2021-03-15`,
      `${memberships} endDate: 2 dd/mm/yyyy dates read as YYYY-MM-DD, e.g. line 5 '30/06/2023' → 2023-06-30`,
      `${outcomes} indicatorValue: 2 decimal commas read as points, e.g. line 2 '12,5' → 12.5`,
      `${outcomes} indicatorMeasuredOn: 2 dd/mm/yyyy dates read as YYYY-MM-DD, e.g. line 2 '30/06/2022' → 2022-06-30`,
      `${sources} date: 2 dd/mm/yyyy dates read as YYYY-MM-DD, e.g. line 2 '15/03/2021' → 2021-03-15`,
    ];
    expect(lines.slice(0, 15)).toEqual([...reading, ...normalised]);
    expect(lines[15]).toMatch(new RegExp(`^${sources}: read as Windows-1252 \\(what Excel writes in France\\), since byte 0xE9 \\(line 2, byte offset 108\\)`));
    expect(lines[16]).toMatch(/^Imported 16 of 16 rows in [\d.]+ s \(\d+ rows\/s\); 0 rejected\.$/);

    const written = JSON.parse(readFileSync(report, "utf8"));
    expect(written.csv.map((c: { message: string }) => c.message)).toEqual(reading);
    expect(written.normalised.map((n: { message: string }) => n.message)).toEqual(normalised);
    expect(written.normalised[7]).toEqual({
      file: outcomes, column: "indicatorValue", reading: "decimalComma", what: "decimal commas read as points", count: 2,
      example: { line: 2, found: "12,5", read: "12.5" }, message: normalised[7],
    });
    expect(written.csv[0]).toMatchObject({ delimiter: ";", delimiterFrom: "header", encoding: "UTF-8", bom: true, lineEnds: "CRLF" });

    const graph = await stored("tab-");
    expect(graph["tab-laiterie"].props).toMatchObject({ name: "Laiterie coopérative d’Île-de-France", siren: "552032534", kind: "COMPANY" });
    expect(graph["tab-ville-creteil"].props.name).toBe("Ville de Créteil");
    expect(graph["tab-fondation"]).toEqual({
      props: expect.objectContaining({ name: "Fondation Solidarités urbaines", siren: "775670417" }),
      links: ["BASED_IN->COMMUNE:75056", "CITES->tab-src-observatoire", "HAS_MEMBERSHIP->tab-alliance-lait/tab-fondation"],
    });
    expect(graph["tab-asso-reussite"].links).toEqual([
      "BASED_IN->COMMUNE:94081", "CITES->tab-src-observatoire", "CITES->tab-src-presse", "HAS_MEMBERSHIP->tab-alliance-ecoles/tab-asso-reussite",
    ]);
    expect(graph["tab-alliance-ecoles"].props).toMatchObject({ name: "Écoles et entreprises à Créteil", startDate: "2021-03-15" });
    expect(graph["tab-alliance-ecoles"].links.filter((l) => l.startsWith("CONTRIBUTES_TO"))).toEqual(["CONTRIBUTES_TO->17", "CONTRIBUTES_TO->4", "CONTRIBUTES_TO->8"]);
    expect(graph["tab-alliance-lait"].props).toMatchObject({ startDate: "2019-09-01", endDate: "2023-06-30", status: "ENDED" });
    expect(graph["tab-alliance-ecoles/tab-asso-reussite"].props).toMatchObject({ startDate: "2021-03-15", role: "PARTNER" });
    expect(graph["tab-outcome-stages"].props).toMatchObject({ indicatorValue: 12.5, indicatorMeasuredOn: "2022-06-30", indicatorUnit: "% des collégiens en éducation prioritaire" });
    expect(graph["tab-outcome-lait"].props).toMatchObject({ indicatorValue: 1234.5, title: "Lait collecté auprès des fermes d’Île-de-France" });
    expect(graph["tab-src-presse"].props).toMatchObject({ title: "« Créteil : l’alliance qui rapproche écoles et entreprises »", date: "2022-09-02" });
    expect(graph["tab-src-observatoire"].props).toMatchObject({ date: "2021-03-15", publisher: "Observatoire départemental de l’économie sociale et solidaire" });
    expect(Object.keys(graph).length).toBe(16);

    const again = await runCli(["import", ...files, "--source", "tab-src-observatoire", "--report", report, "--quiet"]);
    expect(again.code).toBe(0);
    expect(JSON.parse(readFileSync(report, "utf8")).imported.actors).toEqual({ created: 0, updated: 0, unchanged: 5 });
  });
});

describe("refusals (test/import/fixtures/refusals)", () => {
  const files = csvFiles("test/import/fixtures/refusals");
  const [actors, alliances, memberships, outcomes] = files;

  it("quote the value found and the form expected, and leave nothing of a refused row's dependents", async () => {
    const { out, code } = await runCli(["import", ...files, "--report", join(dir, "refusals.report.json"), "--quiet"]);
    expect(code).toBe(2);
    const refusals = out.split("\n").filter((line) => /\.csv:\d+ /.test(line));
    expect(refusals).toEqual([
      `${actors}:3 siren: "552 032 535": the check digit is wrong (Luhn)`,
      `${actors}:4 kind: "ASSOC" is not one of LOCAL_AUTHORITY, PUBLIC_INSTITUTION, COMPANY, ASSOCIATION, FOUNDATION, ACADEMIC, MEDIA, INTERMEDIARY`,
      `${actors}:5 name: is required`,
      `${alliances}:2 startDate: "03/15/2021": month 15 does not exist (dates are read dd/mm/yyyy, never mm/dd)`,
      `${alliances}:3 startDate: "2023-02-30": 30 February does not exist`,
      `${outcomes}:2 indicatorValue: "1,234" is ambiguous in a file not separated by semicolons: write 1.234 or 1234`,
      `${outcomes}:3 sdgs: "11,17": the values of a list are separated by ";" (in a semicolon-separated file, quote the cell: "11;17")`,
      `${actors}:7 siren: "130021397" is already the siren of actor "tref-siren-a" in this import`,
      `${memberships}:2 actorId: no Actor "tref-luhn": its row in this import was rejected and it is not in the database`,
      `${memberships}:3 allianceId: no Alliance "tref-us": its row in this import was rejected and it is not in the database`,
    ]);
    expect(out).toContain("Imported 6 of 16 rows");
    expect(out).toContain(`${actors} siren: 2 SIRENs written with spaces or dots read as 9 digits, e.g. line 6 '130 021 397' → 130021397`);
    const graph = await stored("tref-");
    expect(Object.keys(graph).sort()).toEqual(["tref-fine", "tref-good", "tref-good/tref-ok", "tref-ok", "tref-siren-a", "tref-src"]);
    expect(graph["tref-good"].links).toEqual(["ACTS_IN->COMMUNE:94081", "CITES->tref-src", "CONTRIBUTES_TO->11", "CONTRIBUTES_TO->17", "PRODUCED->tref-fine"]);
    expect(graph["tref-ok"].links).toEqual(["BASED_IN->COMMUNE:94081", "CITES->tref-src", "HAS_MEMBERSHIP->tref-good/tref-ok"]);
    expect(graph["tref-fine"].props).toMatchObject({ indicatorValue: 2.5 });
  });
});

describe("the column separator", () => {
  /** Writes `text` as `name` in a fresh directory; returns its path. */
  const file = (name: string, text: string) => {
    const path = join(mkdtempSync(join(dir, "f-")), name);
    writeFileSync(path, text);
    return path;
  };

  it("is found on the header line, tabs included, and --delimiter wins", async () => {
    const tabs = file("actors.csv", "id\tname\tkind\r\ntdel-tab\tDupont, Durand & associés\tCOMPANY\r\n");
    const found = await runCli(["import", tabs, "--quiet"]);
    expect([found.code, found.out.split("\n")[0]]).toEqual([0, `${tabs}: tab-separated (found on the header line), UTF-8, CRLF line ends`]);
    const given = await runCli(["import", tabs, "--delimiter", "tab", "--quiet"]);
    expect(given.out.split("\n")[0]).toBe(`${tabs}: tab-separated (given by --delimiter), UTF-8, CRLF line ends`);
    expect((await stored("tdel-"))["tdel-tab"].props.name).toBe("Dupont, Durand & associés");
    await expect(runCli(["import", tabs, "--delimiter", ",", "--quiet"])).rejects.toThrow(
      `${tabs}: unknown column(s) id\tname\tkind (the header line is one column when cells are separated by commas: is that the separator?); actors.csv columns are id, name, kind, description, website, siren, rna, siret, ror, uai, wikidata, inseeCog, basedIn, sourceIds`,
    );
    expect(await runCli(["import", tabs, "--delimiter", "|"])).toMatchObject({ code: 1, out: expect.stringContaining(`--delimiter must be "," ";" or tab; got "|"`) });
  });

  it("is refused, not guessed, when the header line holds two of them", async () => {
    const mixed = file("actors.csv", "id;name,kind\ntdel-a;x,MEDIA\n");
    await expect(runCli(["import", mixed, "--quiet"])).rejects.toThrow(
      `${mixed}: its header line holds 1 semicolon and 1 comma: which one separates the columns? Give --delimiter "," or ";" or tab`,
    );
  });

  it("says the list-cell rule when a semicolon-separated row has too many cells", async () => {
    const unquoted = file("actors.csv", "\uFEFFid;name;kind;sourceIds\r\ntdel-a;Café associatif;ASSOCIATION;src-a;src-b\r\n");
    await expect(runCli(["import", unquoted, "--quiet"])).rejects.toThrow(
      `${unquoted}: line 2 has 5 cells but the header has 4 (cells are separated by semicolons: a cell holding a semicolon must be quoted; ` +
        `a list cell holding several values separated by ";" must be quoted ("src-a;src-b"), as Excel and LibreOffice write it)`,
    );
    expect(await stored("tdel-")).toEqual({});
  });
});

describe("JSON", () => {
  it("takes values as written, and says how JSON writes a date given as a spreadsheet would", async () => {
    const path = join(mkdtempSync(join(dir, "j-")), "doc.json");
    writeFileSync(path, JSON.stringify({ sources: [{ id: "tdel-s", title: "Étude", kind: "STUDY", date: "15/03/2021" }], actors: ["tdel-a"] }));
    const { out, code } = await runCli(["import", path, "--quiet"]);
    expect(code).toBe(2);
    expect(out.split("\n").filter((line) => line.startsWith(`${path}#`))).toEqual([
      `${path}#/sources/0/date date: "15/03/2021": dates in JSON are written YYYY-MM-DD: 2021-03-15`,
      `${path}#/actors/0 (row): "tdel-a" is not a row: a row is an object ({ "id": … })`,
    ]);
    expect(await stored("tdel-")).toEqual({});
  });

  it("names the line and column of a syntax error, with the text there", async () => {
    const path = join(mkdtempSync(join(dir, "j-")), "doc.json");
    writeFileSync(path, '\uFEFF{\n  "actors": [\n    { "id": "tdel-j", "name": "Café", },\n  ]\n}\n');
    await expect(runCli(["import", path, "--quiet"])).rejects.toThrow(
      `${path}: is not valid JSON: line 3, column 39: a property name in double quotes expected, found \`}\` in \`{ "id": "tdel-j", "name": "Café", },\``,
    );
  });
});
