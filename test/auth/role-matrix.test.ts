import {
  getNamedType,
  GraphQLArgument,
  GraphQLEnumType,
  GraphQLField,
  GraphQLInputObjectType,
  GraphQLInputType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLScalarType,
  GraphQLSchema,
  isCompositeType,
} from "graphql";
import { getMetadataStorage } from "type-graphql";
import { Connection } from "../../src/neo4j/connect";
import { createSchema } from "../../src/graphql/schema";
import { Role } from "../../src/auth/viewer";
import { openTestDatabase } from "../support/database";
import { deleteAuthNodes, PREFIX, VIEWERS, viewerClient } from "./auth-support";

/**
 * Who may call each mutation. Every mutation in the schema must be listed here, so a new
 * mutation cannot ship without deciding (and enforcing, with @Authorized) who may call it.
 */
const MATRIX: Record<string, Role> = {
  createActor: Role.EDITOR,
  updateActor: Role.EDITOR,
  deleteActor: Role.ADMIN,
  mergeActors: Role.ADMIN,
  createAlliance: Role.EDITOR,
  updateAlliance: Role.EDITOR,
  deleteAlliance: Role.ADMIN,
  addMembership: Role.EDITOR,
  updateMembership: Role.EDITOR,
  removeMembership: Role.ADMIN,
  createOutcome: Role.EDITOR,
  updateOutcome: Role.EDITOR,
  deleteOutcome: Role.ADMIN,
  createSource: Role.EDITOR,
  updateSource: Role.EDITOR,
  deleteSource: Role.ADMIN,
  assessMaturity: Role.EDITOR,
  deleteMaturityAssessment: Role.ADMIN,
  createRelease: Role.ADMIN,
  verifyRelease: Role.ADMIN,
};

/** The reads only some may make (who changed what), each also in the README's table. */
const PRIVATE_READS: Record<string, Role> = {
  changes: Role.ADMIN,
  who: Role.ADMIN, // Change.who
  whoSha256: Role.ADMIN, // Change.whoSha256
};

const AUTH_CODES = ["UNAUTHENTICATED", "FORBIDDEN"];
const ALLOWED: Record<keyof typeof VIEWERS, Role[]> = {
  none: [],
  reader: [],
  editor: [Role.EDITOR],
  admin: [Role.EDITOR, Role.ADMIN],
};

/** Values for custom scalars; a new scalar fails here until it is given one. */
const SCALAR_VALUES: Record<string, unknown> = {
  ID: `${PREFIX}matrix`,
  String: "auth",
  Int: 1,
  Float: 1,
  Boolean: false,
  LocalDate: "2024-01-01",
  JSON: {},
};

/** The smallest value of an input type that GraphQL coerces: required fields only, one-item lists. */
function sampleValue(type: GraphQLInputType): unknown {
  if (type instanceof GraphQLNonNull) return sampleValue(type.ofType);
  if (type instanceof GraphQLList) return [sampleValue(type.ofType)];
  if (type instanceof GraphQLEnumType) return type.getValues()[0].value;
  if (type instanceof GraphQLInputObjectType) {
    const fields = Object.values(type.getFields()).filter((f) => f.type instanceof GraphQLNonNull && f.defaultValue === undefined);
    return Object.fromEntries(fields.map((f) => [f.name, sampleValue(f.type)]));
  }
  const scalar = type as GraphQLScalarType;
  if (!(scalar.name in SCALAR_VALUES)) throw new Error(`no sample value for scalar ${scalar.name}; add it to SCALAR_VALUES`);
  return SCALAR_VALUES[scalar.name];
}

function operationFor(field: GraphQLField<unknown, unknown>): { query: string; variables: Record<string, unknown> } {
  const args: readonly GraphQLArgument[] = field.args.filter((a) => a.type instanceof GraphQLNonNull);
  const declarations = args.map((a) => `$${a.name}: ${a.type.toString()}`).join(", ");
  const call = args.map((a) => `${a.name}: $${a.name}`).join(", ");
  const selection = isCompositeType(getNamedType(field.type)) ? " { __typename }" : "";
  return {
    query: `mutation${declarations ? `(${declarations})` : ""} { ${field.name}${call ? `(${call})` : ""}${selection} }`,
    variables: Object.fromEntries(args.map((a) => [a.name, sampleValue(a.type)])),
  };
}

let connection: Connection;
let schema: GraphQLSchema;
let client: Awaited<ReturnType<typeof viewerClient>>;

beforeAll(async () => {
  connection = await openTestDatabase();
  await deleteAuthNodes(connection);
  schema = await createSchema();
  client = await viewerClient(connection, schema);
});

afterAll(async () => {
  await deleteAuthNodes(connection);
  await client.stop();
  await connection.close();
});

describe("role matrix", () => {
  it("lists every mutation of the schema", () => {
    expect(Object.keys(schema.getMutationType()!.getFields()).sort()).toEqual(Object.keys(MATRIX).sort());
  });

  const cases = Object.entries(MATRIX).flatMap(([mutation, required]) =>
    (Object.keys(VIEWERS) as (keyof typeof VIEWERS)[]).map((who) => [mutation, who, required] as const),
  );

  it.each(cases)("%s as %s", async (mutation, who, required) => {
    const { query, variables } = operationFor(schema.getMutationType()!.getFields()[mutation]);
    const { errors } = await client.run(VIEWERS[who], query, variables);
    const codes = (errors ?? []).map((e) => e.extensions?.code);
    if (ALLOWED[who].includes(required)) {
      // Past authorisation the sample input may still be refused, but never for who asked, and never by a crash.
      expect(codes.filter((c) => AUTH_CODES.includes(c) || c === "INTERNAL_SERVER_ERROR")).toEqual([]);
    } else {
      expect(codes).toEqual([who === "none" ? "UNAUTHENTICATED" : "FORBIDDEN"]);
    }
  });
});

describe("reads", () => {
  it("stay public: an anonymous viewer reads actors, sources, SDGs and facts without source", async () => {
    const { errors, data } = await client.run(
      VIEWERS.none,
      "{ actors(first: 1) { totalCount } sources(first: 1) { totalCount } sdgs { number } factsWithoutSource(first: 1) { totalCount } }",
    );
    expect(errors).toBeUndefined();
    expect(data.sdgs).toHaveLength(17);
  });

  it("are @Authorized only where listed: the mutations and PRIVATE_READS (a private read must be added there and to the README table)", () => {
    const storage = getMetadataStorage();
    expect(storage.authorizedResolver).toEqual([]);
    expect(storage.authorizedFields.map((f) => f.fieldName).sort()).toEqual([...Object.keys(MATRIX), ...Object.keys(PRIVATE_READS)].sort());
    for (const field of storage.authorizedFields) expect({ field: field.fieldName, roles: field.roles }).toEqual({ field: field.fieldName, roles: [MATRIX[field.fieldName] ?? PRIVATE_READS[field.fieldName]] });
  });

  it.each(Object.keys(VIEWERS) as (keyof typeof VIEWERS)[])("of the change log by %s: admins only", async (who) => {
    const { errors } = await client.run(VIEWERS[who], "{ changes(first: 1) { totalCount } }");
    expect((errors ?? []).map((e) => e.extensions?.code)).toEqual(who === "admin" ? [] : [who === "none" ? "UNAUTHENTICATED" : "FORBIDDEN"]);
  });
});
