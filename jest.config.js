/**
 * Tests talk to a real Neo4j of their own (test/support/test-database.ts: the embedded one on
 * 127.0.0.1:7688 with its store in .neo4j-test-data/, started if needed), never the database
 * `npm start` serves. They run one file at a time so their data never collide.
 */
module.exports = {
  preset: "ts-jest",
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  setupFiles: ["reflect-metadata", "<rootDir>/test/support/use-test-database.ts"],
  globalSetup: "<rootDir>/test/global-setup.ts",
  globalTeardown: "<rootDir>/test/global-teardown.ts",
  maxWorkers: 1,
  testTimeout: 120000,
};
