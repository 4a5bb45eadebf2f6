import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Connection } from "../../src/neo4j/connect";
import { importFiles } from "../../src/import/importer";
import { writeReport } from "../../src/import/report";
import { openTestDatabase } from "../support/database";
import { deleteImported } from "./import-support";

// Defect 4 of issue 13: a Latin-1 actors.csv went in as "Cr�teil" with exit 0.
const P = "enc-";
let connection: Connection;
let root: string;

beforeAll(async () => {
  connection = await openTestDatabase();
  root = mkdtempSync(join(tmpdir(), "maillage-encoding-"));
});
beforeEach(() => deleteImported(connection, P));
afterAll(async () => {
  await deleteImported(connection, P);
  await connection.close();
});

const ascii = (text: string) => Buffer.from(text, "ascii");
const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((part) => (typeof part === "string" ? ascii(part) : Buffer.from(part))));

/** Writes `content` as `name` in a fresh directory; returns its path. */
function file(name: string, content: Buffer): string {
  const path = join(mkdtempSync(join(root, "f-")), name);
  writeFileSync(path, content);
  return path;
}

/** The names of the actors with the test prefix, by id. */
async function storedNames(): Promise<Record<string, string>> {
  const rows = await connection.executor.read(`MATCH (a:Actor) WHERE a.id STARTS WITH $p RETURN a.id AS id, a.name AS name ORDER BY id`, { p: P });
  return Object.fromEntries(rows.map((row) => [row.id, row.name]));
}

const HEADER = "id,name,kind\n"; // 13 bytes: line 2 starts at byte offset 13

describe("CSV encodings", () => {
  it("reads UTF-8, with or without a BOM, as it is and says nothing", async () => {
    const withBom = file("actors.csv", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${HEADER}${P}bom,Ville de Créteil,LOCAL_AUTHORITY\n`, "utf8")]));
    const result = await importFiles(connection.executor, [withBom]);
    expect(result.rejected).toEqual([]);
    expect(result.transcoded).toEqual([]);
    expect(await storedNames()).toEqual({ [`${P}bom`]: "Ville de Créteil" });
  });

  it("reads a Latin-1 file as Windows-1252 and says so in the result and the report", async () => {
    const path = file("actors.csv", bytes(HEADER, `${P}latin1,Ville de Cr`, [0xe9], "teil,LOCAL_AUTHORITY\n", `${P}ile,`, [0xce], "le-de-France,LOCAL_AUTHORITY\n"));
    const result = await importFiles(connection.executor, [path]);
    expect(result.rejected).toEqual([]);
    expect(await storedNames()).toEqual({ [`${P}ile`]: "Île-de-France", [`${P}latin1`]: "Ville de Créteil" });
    const message =
      `${path}: read as Windows-1252 (what Excel writes in France), since byte 0xE9 (line 2, byte offset 35) is not UTF-8; ` +
      `check the imported text, or save it as UTF-8 (Excel: "CSV UTF-8 (Comma delimited)")`;
    expect(result.transcoded).toEqual([{ file: path, encoding: "windows-1252", firstNonUtf8: { byte: "0xE9", line: 2, offset: 35 }, message }]);
    const reportPath = `${path}.report.json`;
    writeReport(reportPath, [path], result);
    expect(JSON.parse(readFileSync(reportPath, "utf8")).transcoded).toEqual(result.transcoded);
  });

  it("maps the bytes 0x80–0x9F as Windows-1252 does (œ, €, curly quotes, dashes), not as Latin-1 controls", async () => {
    const path = file(
      "actors.csv",
      bytes(
        HEADER,
        `${P}oeuvre,L`, [0x92, 0x8c], "uvre ", [0x93], "solidaire", [0x94], " ", [0x96], " 100 ", [0x80], ",ASSOCIATION\n",
        `${P}coeur,C`, [0x9c], "ur ", [0x91], "vert", [0x92], " ", [0x85], ",ASSOCIATION\n",
      ),
    );
    const result = await importFiles(connection.executor, [path]);
    expect(result.rejected).toEqual([]);
    expect(result.transcoded.map((t) => t.firstNonUtf8)).toEqual([{ byte: "0x92", line: 2, offset: 25 }]);
    expect(await storedNames()).toEqual({ [`${P}coeur`]: "Cœur ‘vert’ …", [`${P}oeuvre`]: "L’Œuvre “solidaire” – 100 €" });
  });

  it("refuses a byte that is a character in neither UTF-8 nor Windows-1252, and writes nothing", async () => {
    const good = file("sources.csv", ascii(`id,title,publisher,date,url,kind\n${P}src,Etude,,,,STUDY\n`));
    const path = file("actors.csv", bytes(HEADER, `${P}a,Cr`, [0xe9], "teil,MEDIA\n", `${P}b,B`, [0x81], ",MEDIA\n"));
    await expect(importFiles(connection.executor, [good, path])).rejects.toThrow(
      `${path}: is neither UTF-8 nor Windows-1252: byte 0x81 (line 3, byte offset 40) is a character in neither; save it as UTF-8 (Excel: "CSV UTF-8 (Comma delimited)")`,
    );
    expect(await connection.executor.read(`MATCH (n) WHERE n.id STARTS WITH $p RETURN n.id AS id`, { p: P })).toEqual([]);
  });

  it("refuses a file mixing UTF-8 with another encoding, whichever comes first, naming both places", async () => {
    const utf8First = file("actors.csv", Buffer.concat([Buffer.from(`${HEADER}${P}a,Créteil,MEDIA\n`, "utf8"), bytes(`${P}b,Cr`, [0xe9], "teil,MEDIA\n")]));
    await expect(importFiles(connection.executor, [utf8First])).rejects.toThrow(
      `${utf8First}: mixes encodings: line 2 holds UTF-8 ("é" at byte offset 21) but byte 0xE9 (line 3, byte offset 42) is not UTF-8; save it as UTF-8 (Excel: "CSV UTF-8 (Comma delimited)")`,
    );
    const latinFirst = file("actors.csv", Buffer.concat([bytes(HEADER, `${P}b,Cr`, [0xe9], "teil,MEDIA\n"), Buffer.from(`${P}a,L’Haÿ,MEDIA\n`, "utf8")]));
    await expect(importFiles(connection.executor, [latinFirst])).rejects.toThrow(
      `${latinFirst}: mixes encodings: line 3 holds UTF-8 ("’" at byte offset 40) but byte 0xE9 (line 2, byte offset 21) is not UTF-8; save it as UTF-8 (Excel: "CSV UTF-8 (Comma delimited)")`,
    );
    expect(await storedNames()).toEqual({});
  });

  it("reads Windows-1252 whose bytes happen to form UTF-8 sequences (é, no-break space, ») as Windows-1252", async () => {
    const path = file("actors.csv", bytes(HEADER, `${P}nbsp,`, [0xab, 0xa0], "Caf", [0xe9, 0xa0, 0xbb], ",MEDIA\n"));
    const result = await importFiles(connection.executor, [path]);
    expect(result.rejected).toEqual([]);
    expect(result.transcoded.map((t) => t.firstNonUtf8)).toEqual([{ byte: "0xAB", line: 2, offset: 22 }]);
    expect(await storedNames()).toEqual({ [`${P}nbsp`]: "«\u00a0Café\u00a0»" });
  });

  it("refuses UTF-16 (Excel's Unicode text)", async () => {
    const path = file("actors.csv", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${HEADER}${P}a,Créteil,MEDIA\n`, "utf16le")]));
    await expect(importFiles(connection.executor, [path])).rejects.toThrow(
      `${path}: is UTF-16 little-endian (it starts with the bytes 0xFF 0xFE), not UTF-8; save it as UTF-8 (Excel: "CSV UTF-8 (Comma delimited)")`,
    );
    expect(await storedNames()).toEqual({});
  });
});

describe("JSON encodings", () => {
  const doc = (name: string) => `{\n  "actors": [\n    { "id": "${P}json", "name": "${name}", "kind": "MEDIA" }\n  ]\n}\n`;

  it("reads UTF-8 with a BOM", async () => {
    const path = file("doc.json", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(doc("Créteil"), "utf8")]));
    const result = await importFiles(connection.executor, [path]);
    expect([result.rejected, result.transcoded]).toEqual([[], []]);
    expect(await storedNames()).toEqual({ [`${P}json`]: "Créteil" });
  });

  it("refuses anything else (RFC 8259) with the line and byte, and writes nothing", async () => {
    const path = file("doc.json", Buffer.from(doc("Créteil"), "latin1"));
    await expect(importFiles(connection.executor, [path])).rejects.toThrow(
      `${path}: is not UTF-8: byte 0xE9 (line 3, byte offset 51) is not valid UTF-8; JSON must be UTF-8 (RFC 8259): save it as UTF-8`,
    );
    expect(await storedNames()).toEqual({});
  });
});
