/**
 * Tests talk to a real Neo4j (NEO4J_URI, default the embedded one, started if needed).
 * They run one file at a time so their data never collide.
 */
module.exports = {
  preset: "ts-jest",
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  setupFiles: ["reflect-metadata"],
  globalSetup: "<rootDir>/test/global-setup.ts",
  globalTeardown: "<rootDir>/test/global-teardown.ts",
  maxWorkers: 1,
  testTimeout: 120000,
};
