import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadAuthConfig } from "../../src/auth/auth.config";
import { authenticate } from "../../src/auth/authenticate";
import { Role } from "../../src/auth/viewer";
import { KEYS, testAuthConfig } from "./auth-support";
import { signJwt } from "./sign-jwt";

const config = testAuthConfig();

/** The error code authenticate throws, or the viewer it returns. */
async function outcome(headers: Record<string, string>, auth = config) {
  try {
    return await authenticate(headers, auth);
  } catch (error: any) {
    return { code: error.extensions?.code, message: error.message as string };
  }
}

describe("API keys", () => {
  it("give their role, with the key's name as subject", async () => {
    expect(await outcome({ "x-api-key": KEYS.editor })).toEqual({ role: Role.EDITOR, subject: "api-key:editor-key-2", caller: { kind: "api-key", id: "editor-key-2" } });
    expect(await outcome({ "x-api-key": KEYS.admin })).toMatchObject({ role: Role.ADMIN });
  });

  it("refuse an unknown key as UNAUTHENTICATED, never anonymous", async () => {
    expect(await outcome({ "x-api-key": "not-a-key-0123456789" })).toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("no credential is anonymous", async () => {
    expect(await outcome({})).toEqual({ role: Role.ANONYMOUS, subject: null, caller: null });
  });

  it("refuse two credentials at once", async () => {
    expect(await outcome({ "x-api-key": KEYS.admin, authorization: `Bearer ${signJwt({ role: "admin" })}` })).toMatchObject({ code: "UNAUTHENTICATED" });
  });
});

describe("JWT bearer tokens", () => {
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const past = Math.floor(Date.now() / 1000) - 60;

  it("give the role claim, and sub as subject", async () => {
    expect(await outcome(bearer(signJwt({ role: "editor" })))).toEqual({ role: Role.EDITOR, subject: "user-42", caller: { kind: "jwt", id: "user-42" } });
  });

  it("take the highest known role of a roles array, in any case", async () => {
    expect(await outcome(bearer(signJwt({ roles: ["offline_access", "reader", "ADMIN"] })))).toMatchObject({ role: Role.ADMIN });
  });

  const unsigned = `${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from(`{"role":"admin","sub":"x","exp":${past + 7200}}`).toString("base64url")}.`;
  it.each([
    ["expired", signJwt({ role: "admin", exp: past }), /has expired/],
    ["signed with another secret", signJwt({ role: "admin" }, "another-secret-of-at-least-32-characters"), /not a valid token/],
    ["with an unknown role", signJwt({ role: "superuser" }), /no known role/],
    ["with the anonymous role", signJwt({ role: "anonymous" }), /no known role/],
    ["with no role", signJwt({}), /no known role/],
    ["with no sub", signJwt({ role: "admin", sub: undefined }), /"sub"/],
    ["with no exp", signJwt({ role: "admin", exp: undefined }), /"exp"/],
    ["not yet valid", signJwt({ role: "admin", nbf: past + 3600 }), /"nbf"/],
    ["claiming another algorithm", signJwt({ role: "admin" }, undefined, { alg: "HS512" }), /not a valid token/],
    ["unsigned (alg none)", unsigned, /not a valid token/],
    ["that is not a JWT", "garbage", /not a valid token/],
  ])("refuse a token %s as UNAUTHENTICATED", async (_what, token, message) => {
    const result = await outcome(bearer(token));
    expect(result).toMatchObject({ code: "UNAUTHENTICATED" });
    expect((result as { message: string }).message).toMatch(message);
  });

  it("check issuer and audience when configured", async () => {
    const strict = testAuthConfig({ MAILLAGE_JWT_ISSUER: "https://id.example", MAILLAGE_JWT_AUDIENCE: "maillage" });
    const good = signJwt({ role: "reader", iss: "https://id.example", aud: ["maillage", "other"] });
    expect(await outcome(bearer(good), strict)).toMatchObject({ role: Role.READER });
    expect(await outcome(bearer(signJwt({ role: "reader", aud: "maillage" })), strict)).toMatchObject({ code: "UNAUTHENTICATED", message: expect.stringMatching(/"iss"/) });
    expect(await outcome(bearer(signJwt({ role: "reader", iss: "https://id.example" })), strict)).toMatchObject({ code: "UNAUTHENTICATED", message: expect.stringMatching(/"aud"/) });
  });

  it("are refused when no secret is configured, and other schemes always", async () => {
    const keysOnly = loadAuthConfig({ MAILLAGE_API_KEYS: `admin:${KEYS.admin}` });
    expect(await outcome(bearer(signJwt({ role: "admin" })), keysOnly)).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await outcome({ authorization: "Basic YWRtaW46YWRtaW4=" })).toMatchObject({ code: "UNAUTHENTICATED" });
  });
});

describe("reads require a key", () => {
  const locked = testAuthConfig({ MAILLAGE_READS_REQUIRE_KEY: "true" });

  it("refuses a request without credential", async () => {
    expect(await outcome({}, locked)).toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("lets a reader key through", async () => {
    expect(await outcome({ "x-api-key": KEYS.reader }, locked)).toMatchObject({ role: Role.READER });
  });
});

describe("loadAuthConfig", () => {
  it("defaults to no credentials and public reads", () => {
    expect(loadAuthConfig({})).toEqual({ apiKeys: [], jwt: undefined, readsRequireKey: false });
  });

  it("reads a JSON key file", () => {
    const file = join(mkdtempSync(join(tmpdir(), "maillage-auth-")), "keys.json");
    writeFileSync(file, JSON.stringify([{ role: "editor", key: KEYS.editor, name: "ingest-bot" }]));
    const keys = loadAuthConfig({ MAILLAGE_API_KEYS_FILE: file }).apiKeys;
    expect(keys.map(({ role, name }) => ({ role, name }))).toEqual([{ role: Role.EDITOR, name: "ingest-bot" }]);
  });

  it.each([
    [{ MAILLAGE_API_KEYS: "editor" }, /MAILLAGE_API_KEYS entry 1 must be role:key/],
    [{ MAILLAGE_API_KEYS: `owner:${KEYS.admin}` }, /MAILLAGE_API_KEYS entry 1 has role "owner"; expected one of reader, editor, admin/],
    [{ MAILLAGE_API_KEYS: "admin:short" }, /MAILLAGE_API_KEYS entry 1 has a key shorter than 16/],
    [{ MAILLAGE_API_KEYS: `admin:${KEYS.admin},reader:${KEYS.admin}` }, /MAILLAGE_API_KEYS entry 2 repeats a key/],
    [{ MAILLAGE_API_KEYS: `admin:${KEYS.admin}`, MAILLAGE_API_KEYS_FILE: "/x.json" }, /both set/],
    [{ MAILLAGE_API_KEYS_FILE: "/nonexistent/keys.json" }, /MAILLAGE_API_KEYS_FILE must name a readable JSON file/],
    [{ MAILLAGE_JWT_SECRET: "short" }, /MAILLAGE_JWT_SECRET must be a secret of at least 32 characters for HS256; got 5/],
    [{ MAILLAGE_JWT_AUDIENCE: "maillage" }, /MAILLAGE_JWT_AUDIENCE is set but no JWT key is/],
    [{ MAILLAGE_READS_REQUIRE_KEY: "maybe" }, /MAILLAGE_READS_REQUIRE_KEY must be true or false/],
    [{ MAILLAGE_READS_REQUIRE_KEY: "true" }, /MAILLAGE_READS_REQUIRE_KEY is true but no credential is configured/],
  ])("refuses %j", (env, message) => {
    expect(() => loadAuthConfig(env)).toThrow(message);
  });

  it("never puts a key in an error message", () => {
    expect(() => loadAuthConfig({ MAILLAGE_API_KEYS: "owner:secret-value-0123456789" })).toThrow(/^(?!.*secret-value)/s);
  });
});
