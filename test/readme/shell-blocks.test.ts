import { shellCommands } from "./shell-blocks";

const fence = "```";

describe("shellCommands", () => {
  it("gives each command of each sh block with its README line: continuations joined, comments dropped, && split", () => {
    const markdown = [
      "# Title",
      `${fence}sh`,
      "npm ci && npm start",
      "",
      `${fence}`,
      "text",
      `${fence}sh`,
      "NODE_ENV=production MAILLAGE_AUTOSTART_DB=false \\",
      "node dist/src/main.js",
      "npx maillage restore --from b.jsonl.gz --replace  # empties the database first",
      `${fence}`,
    ].join("\n");
    expect(shellCommands(markdown)).toEqual([
      { line: 3, command: "npm ci" },
      { line: 3, command: "npm start" },
      { line: 8, command: "NODE_ENV=production MAILLAGE_AUTOSTART_DB=false node dist/src/main.js" },
      { line: 10, command: "npx maillage restore --from b.jsonl.gz --replace" },
    ]);
  });

  it("reads only sh blocks: graphql and plain ones are not commands", () => {
    expect(shellCommands([`${fence}graphql`, "query { a }", fence, fence, "(Actor)-[:BASED_IN]->(Territory)", fence].join("\n"))).toEqual([]);
  });

  it("refuses a block left open or a continuation into its end", () => {
    expect(() => shellCommands([`${fence}sh`, "npm start"].join("\n"))).toThrow("a ```sh block is never closed");
    expect(() => shellCommands([`${fence}sh`, "npm start \\", fence].join("\n"))).toThrow("README.md:2: a `\\` continuation runs into the end of its block");
  });
});
