import "reflect-metadata";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT } from "../../src/common/paths";
import { createSchema, printSchemaSdl } from "../../src/graphql/schema";

describe("schema/schema.graphql", () => {
  it("is the SDL the code emits (run `npm run schema:emit` after changing the API)", async () => {
    const committed = readFileSync(join(PROJECT_ROOT, "schema", "schema.graphql"), "utf8");
    expect(printSchemaSdl(await createSchema())).toBe(committed);
  });
});
