import { mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createProgram } from "../../src/cli/program";
import { runCli } from "../support/cli";
import { openTestDatabase } from "../support/database";
import { deleteImported } from "../import/import-support";
import { smallDocument } from "../import/fixture";

const PREFIX = "clitest-";


describe("maillage --help", () => {
  it.each(["import", "export", "generate", "stats", "migrate", "seed"])("describes `%s`", async (command) => {
    const { out, code } = await runCli([command, "--help"]);
    expect(code).toBe(0);
    expect(out).toContain(`Usage: maillage ${command}`);
  });

  it("lists every command", async () => {
    const { out } = await runCli(["--help"]);
    for (const command of ["import", "export", "generate", "stats", "migrate", "seed"]) expect(out).toContain(command);
  });
});

describe("maillage <command> loads only that command", () => {
  const names = async (...args: string[]) => (await createProgram(["node", "maillage", ...args])).commands.map((c) => c.name());
  const ALL = ["import", "export", "generate", "stats", "migrate", "seed", "backup", "restore", "release", "diff"];

  it("registers the one command named, or its module's pair", async () => {
    expect(await names("stats", "--json")).toEqual(["stats"]);
    expect(await names("restore", "--from", "x.jsonl.gz")).toEqual(["backup", "restore"]);
    expect(await names("release", "verify", "2026-Q4")).toEqual(["release"]);
    expect(await names("diff", "--from", "2026-Q4")).toEqual(["diff"]);
  });

  it("registers every command, in help order, for --help, `help` or an unknown command", async () => {
    expect(await names("--help")).toEqual(ALL);
    expect(await names("help", "stats")).toEqual(ALL);
    expect(await names("statz")).toEqual(ALL);
    expect(await names()).toEqual(ALL);
  });
});

describe("bin/maillage.js's staleness check (scripts/staleness.cjs)", () => {
  const { isStale } = require("../../scripts/staleness.cjs") as { isStale(root: string, inputs: string[], output: string): boolean };
  const root = mkdtempSync(join(tmpdir(), "maillage-stale-"));
  const at = (path: string, seconds: number) => utimesSync(join(root, path), seconds, seconds);
  mkdirSync(join(root, "src", "deep"), { recursive: true });
  writeFileSync(join(root, "src", "deep", "a.ts"), "");
  writeFileSync(join(root, "package-lock.json"), "{}");

  it("is stale with no build output, fresh when the output is newer than every input, stale again after an edit deep down", () => {
    expect(isStale(root, ["src", "package-lock.json"], "out.stamp")).toBe(true);
    writeFileSync(join(root, "out.stamp"), "");
    for (const path of ["src/deep/a.ts", "src/deep", "src", "package-lock.json"]) at(path, 1000);
    at("out.stamp", 2000);
    expect(isStale(root, ["src", "package-lock.json", "missing-folder"], "out.stamp")).toBe(false);
    at("src/deep/a.ts", 3000);
    expect(isStale(root, ["src", "package-lock.json"], "out.stamp")).toBe(true);
    at("src/deep/a.ts", 1000);
    at("package-lock.json", 3000); // a dependency changed
    expect(isStale(root, ["src", "package-lock.json"], "out.stamp")).toBe(true);
  });
});

describe("maillage import", () => {
  const connection = openTestDatabase();
  const dir = mkdtempSync(join(tmpdir(), "maillage-cli-"));
  afterAll(async () => {
    await deleteImported(await connection, PREFIX);
    await (await connection).close();
  });

  it("exits 0 when every row is imported and 2 when some are rejected, with a report", async () => {
    await connection;
    const file = join(dir, "doc.json");
    writeFileSync(file, JSON.stringify(smallDocument(PREFIX)));
    expect((await runCli(["import", file, "--quiet"])).code).toBe(0);
    const doc = smallDocument(PREFIX) as any;
    doc.actors[0].kind = "NOPE";
    writeFileSync(file, JSON.stringify(doc));
    const { out, code } = await runCli(["import", file, "--quiet", "--batch-size", "2"]);
    expect(code).toBe(2);
    expect(out).toContain("doc.json#/actors/0/kind kind:");
    const report = JSON.parse(readFileSync(`${file}.report.json`, "utf8"));
    expect(report.rejected[0]).toMatchObject({ pointer: "/actors/0/kind", field: "kind", entity: "actors" });
  });

  it("imports a Latin-1 CSV as Windows-1252, exits 0 and says so; refuses a byte neither encoding has", async () => {
    await connection;
    const csv = join(dir, "actors.csv");
    writeFileSync(csv, Buffer.concat([Buffer.from(`id,name,kind\n${PREFIX}latin,Cr`), Buffer.from([0xe9]), Buffer.from("teil,MEDIA\n")]));
    const { out, code } = await runCli(["import", csv, "--quiet"]);
    expect(code).toBe(0);
    expect(out).toContain(`${csv}: read as Windows-1252 (what Excel writes in France), since byte 0xE9 (line 2, byte offset 29) is not UTF-8`);
    expect(JSON.parse(readFileSync(`${csv}.report.json`, "utf8")).transcoded).toMatchObject([{ file: csv, encoding: "windows-1252" }]);
    writeFileSync(csv, Buffer.concat([Buffer.from(`id,name,kind\n${PREFIX}latin,Cr`), Buffer.from([0x81]), Buffer.from("teil,MEDIA\n")]));
    await expect(runCli(["import", csv, "--quiet"])).rejects.toThrow(/actors\.csv: is neither UTF-8 nor Windows-1252: byte 0x81 \(line 2, byte offset 29\)/);
  });

  it("stops on a file it cannot read", async () => {
    await expect(runCli(["import", join(dir, "missing.json")])).rejects.toThrow(/cannot be read/);
  });

  it("prints counts with `stats`", async () => {
    const { out, code } = await runCli(["stats", "--json"]);
    expect(code).toBe(0);
    const stats = JSON.parse(out);
    expect(stats.nodes.Actor).toBeGreaterThan(0);
    expect(Object.keys(stats.territoriesByMaturity)).toEqual(["DISCOVERING", "EXPERIMENTING", "STRUCTURING", "PIONEERING"]);
  });
});
