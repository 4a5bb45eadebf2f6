import { createHash } from "node:crypto";
import { exportBytes, openExport } from "../../src/export/export.service";
import { ExportFormat } from "../../src/export/export.formats";
import { WHOLE_GRAPH } from "../../src/export/export.scope";
import { importRows } from "../../src/import/importer";
import { documentRows } from "../../src/import/read-json";
import { ReleaseRepository } from "../../src/history/release.repository";
import { createSchema } from "../../src/graphql/schema";
import { deleteByPrefix, useGraphQLClient } from "../support/database";
import { runCli } from "../support/cli";
import { VIEWERS, viewerClient } from "../auth/auth-support";

// Releases (prefix hr-): made at the clock's seq with the checksum of the canonical export, refused twice, listed, checked.
const P = "hr-rel-";
const run = Date.now().toString(36);
const name = (what: string) => `${P}${what}-${run}`;
afterAll(async () => {
  await db.connection.executor.write((tx) => tx.run(`MATCH (r:Release) WHERE r.name STARTS WITH $p DELETE r`, { p: P }));
  await deleteByPrefix(db.connection, P);
});
const db = useGraphQLClient(); // after our afterAll: hooks run in order, the connection closes last

const CREATE = `mutation ($name: String!) { createRelease(name: $name) { name seq at checksum createdBy createdAt } }`;

const releaseNodes = async (prefix = P) =>
  (await db.connection.executor.read(`MATCH (r:Release) WHERE r.name STARTS WITH $p RETURN r.name AS name ORDER BY name`, { p: prefix })).map((r) => r.name);

const clock = async () => (await db.connection.executor.read(`MATCH (c:HistoryClock {id: "clock"}) RETURN c.seq AS seq, toString(coalesce(c.at, c.startedAt)) AS at`))[0];

/** An ISO instant with finer digits rounded up to the millisecond (epoch ms). */
const upToMillisecond = (iso: string) => Date.parse(iso) + (/[1-9]/.test(/\.\d{3}(\d*)/.exec(iso)?.[1] ?? "") ? 1 : 0);

/** SHA-256 of the JSON export of the whole graph as it is now, read independently of the release code. */
const currentChecksum = async () =>
  createHash("sha256").update(await exportBytes(await openExport(db.connection.executor, ExportFormat.JSON, WHOLE_GRAPH))).digest("hex");

beforeAll(async () => {
  await deleteByPrefix(db.connection, P);
  const { rejected } = await importRows(
    db.connection.executor,
    documentRows("hr.json", {
      sources: [{ id: `${P}s1`, title: "Rapport", kind: "STUDY" }],
      actors: [{ id: `${P}a1`, name: "Atelier", kind: "ASSOCIATION", sourceIds: [`${P}s1`] }],
    }),
  );
  expect(rejected).toEqual([]);
});

describe("createRelease", () => {
  it("fixes the release at the clock's seq and instant, with the SHA-256 of the canonical export", async () => {
    const now = await clock();
    const { createRelease } = await db.client.data(CREATE, { name: name("q4") });
    expect(createRelease).toMatchObject({ name: name("q4"), seq: now.seq, createdBy: "script:test" });
    expect(new Date(createRelease.at).getTime()).toBe(upToMillisecond(now.at)); // the instant the API can serve, not before the write
    expect(createRelease.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(createRelease.checksum).toBe(await currentChecksum());
  });

  it("refuses a name already taken, saying when the existing one was made, and writes nothing", async () => {
    const before = await releaseNodes();
    const { errors } = await db.client.run(CREATE, { name: name("q4") });
    expect(errors).toHaveLength(1);
    expect(errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "name" });
    expect(errors![0].message).toMatch(new RegExp(`^name: a release named "${name("q4")}" already exists \\(made \\d{4}-\\d{2}-\\d{2}T.+ by the graph at seq \\d+\\)`));
    expect(await releaseNodes()).toEqual(before);
  });

  it.each([["", "empty"], ["-starts-with-dash", "dash"], ["has space", "space"], ["x".repeat(65), "65 characters"], ["é", "accent"]])(
    "refuses the name %j (%s), quoting it and the form expected",
    async (bad) => {
      const { errors } = await db.client.run(CREATE, { name: bad });
      expect(errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "name" });
      expect(errors![0].message).toContain(`got "${bad}"`);
      expect(errors![0].message).toContain("letters, digits, '.', '_' or '-'");
      expect(await releaseNodes("")).not.toContain(bad);
    },
  );

  it("leaves nothing when the checksum's export fails", async () => {
    const failing = new ReleaseRepository(db.connection.executor).create(name("broken"), {
      progress: (stage) => {
        if (stage === "actors") throw new Error("disk full");
      },
    });
    await expect(failing).rejects.toThrow("disk full");
    expect(await releaseNodes()).not.toContain(name("broken"));
  });

  it("is for admins only", async () => {
    const client = await viewerClient(db.connection, await createSchema());
    try {
      const { errors } = await client.run(VIEWERS.editor, CREATE, { name: name("editor") });
      expect(errors!.map((e) => e.extensions.code)).toEqual(["FORBIDDEN"]);
      expect(await releaseNodes()).not.toContain(name("editor"));
    } finally {
      await client.stop();
    }
  });
});

describe("releases and release(name)", () => {
  it("lists releases newest first, a page at a time", async () => {
    await db.client.data(CREATE, { name: name("later") });
    const { releases } = await db.client.data(`{ releases(first: 1) { edges { node { name } } pageInfo { hasNextPage endCursor } } }`);
    expect(releases.edges.map((e: any) => e.node.name)).toEqual([name("later")]);
    expect(releases.pageInfo.hasNextPage).toBe(true);
    const next = await db.client.data(`query ($after: String) { releases(first: 1, after: $after) { edges { node { name } } } }`, { after: releases.pageInfo.endCursor });
    expect(next.releases.edges.map((e: any) => e.node.name)).toEqual([name("q4")]);
  });

  it("shows who made a release to admins only", async () => {
    const client = await viewerClient(db.connection, await createSchema());
    try {
      const query = `query ($name: String!) { release(name: $name) { name seq checksum createdBy } }`;
      const anonymous = await client.run(VIEWERS.none, query, { name: name("q4") });
      expect(anonymous.errors).toBeUndefined();
      expect(anonymous.data.release).toMatchObject({ name: name("q4"), createdBy: null });
      const admin = await client.run(VIEWERS.admin, query, { name: name("q4") });
      expect(admin.data.release.createdBy).toBe("script:test");
      expect((await client.run(VIEWERS.none, query, { name: name("none") })).data.release).toBeNull();
    } finally {
      await client.stop();
    }
  });

  it("verifyRelease exports the release again and finds the same checksum", async () => {
    const { verifyRelease } = await db.client.data(`mutation ($name: String!) { verifyRelease(name: $name) { release { name checksum } checksum matches } }`, { name: name("later") });
    expect(verifyRelease.matches).toBe(true);
    expect(verifyRelease.checksum).toBe(verifyRelease.release.checksum);
  });
});

describe("maillage release", () => {
  it("makes a release and prints its seq and checksum; verify finds it reproduced", async () => {
    const made = await runCli(["release", "--name", name("cli"), "--quiet"]);
    expect(made.code).toBe(0);
    const [row] = await db.connection.executor.read(`MATCH (r:Release {name: $name}) RETURN r.seq AS seq, r.checksum AS checksum, r.createdBy AS createdBy`, { name: name("cli") });
    expect(row.createdBy).toBe("cli:maillage release");
    expect(made.out).toContain(`Release ${name("cli")}: seq ${row.seq}, recorded `);
    expect(made.out).toContain(`sha256 ${row.checksum}`);
    const verified = await runCli(["release", "verify", name("cli"), "--quiet"]);
    expect(verified.code).toBe(0);
    expect(verified.out).toContain("checksum matches");
  });

  it("refuses a duplicate name with exit code 1, naming it", async () => {
    await expect(runCli(["release", "--name", name("cli"), "--quiet"])).rejects.toThrow(`a release named "${name("cli")}" already exists`);
  });
});
