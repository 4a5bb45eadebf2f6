import { readFileSync } from "node:fs";
import { join } from "node:path";
import { splitExamples } from "../../ide/examples";
import { sharedOperation, shareUrl } from "../../ide/share";
import { readmeOperations } from "../../src/graphql/trusted-manifest";

/** The IDE's shareable links and its Examples panel, without a browser (test/ide/ide.test.ts drives them in one). */
const ROOT = join(__dirname, "..", "..");
const EXAMPLES = readFileSync(join(ROOT, "schema", "examples.graphql"), "utf8");

describe("shareable links", () => {
  const operation = { query: "query Actor($id: ID!) { actor(id: $id) { name } }", variables: '{\n  "id": "le-rameau"\n}', operationName: "Actor" };

  it("carry the query, compact variables and the operation name, and read back as they were", () => {
    const url = shareUrl("/graphql", operation, EXAMPLES);
    expect(url).toBe(`/graphql?query=query+Actor%28%24id%3A+ID%21%29+%7B+actor%28id%3A+%24id%29+%7B+name+%7D+%7D&variables=%7B%22id%22%3A%22le-rameau%22%7D&operationName=Actor`);
    expect(sharedOperation(url.slice(url.indexOf("?")))).toEqual(operation);
  });

  it("are the bare path for an empty editor or the untouched examples, and leave out empty variables", () => {
    expect(shareUrl("/graphql", { query: "  " }, EXAMPLES)).toBe("/graphql");
    expect(shareUrl("/graphql", { query: EXAMPLES, variables: "" }, EXAMPLES)).toBe("/graphql");
    expect(shareUrl("/graphql", { query: "{ sdgs { number } }", variables: "{}", operationName: null }, EXAMPLES)).toBe("/graphql?query=%7B+sdgs+%7B+number+%7D+%7D");
    expect(sharedOperation("?variables=%7B%7D")).toBeNull();
  });

  it("keep variables that are not JSON yet as typed (trimmed)", () => {
    const url = shareUrl("/graphql", { query: "{ a }", variables: '{ "id": ' }, EXAMPLES);
    expect(sharedOperation(url.slice(url.indexOf("?")))).toEqual({ query: "{ a }", variables: '{ "id":', operationName: undefined });
  });
});

describe("the Examples panel", () => {
  it("lists each README operation, cut exactly as the README prints it (so each is a registered document), with its question", () => {
    const examples = splitExamples(EXAMPLES);
    expect(examples.map((e) => e.query)).toEqual(readmeOperations(readFileSync(join(ROOT, "README.md"), "utf8")));
    expect(examples[0]).toEqual({ name: "CoConstructors", question: "Who does Le RAMEAU co-construct with, on which alliances, with what outcomes, and who says so?", query: expect.stringMatching(/^query CoConstructors \{/) });
    expect(examples.find((e) => e.name === "RecordAnAlliance")?.question).toBe("Record an alliance with its source, members and outcome; replaying it changes nothing.");
  });
});
