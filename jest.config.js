/** Tests talk to a real Neo4j; they run one file at a time so their data never collide. */
module.exports = {
  preset: "ts-jest",
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  setupFiles: ["reflect-metadata"],
  maxWorkers: 1,
  testTimeout: 120000,
};
