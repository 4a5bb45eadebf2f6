#!/usr/bin/env node
// `maillage` (`npx maillage …`, `npm run cli -- …`): the package's bin. Runs the built CLI
// (dist/src/cli/main.js), building it first with `tsc -b` only when a source is newer than the
// last build (a fresh clone after `npm ci`, or an edit), so an unchanged checkout starts at once.
"use strict";
const { spawnSync } = require("node:child_process");
const { join } = require("node:path");
const { isStale } = require("../scripts/staleness.cjs");

const root = join(__dirname, "..");
// tsc -b writes dist/build.tsbuildinfo last; the CLI needs src/ (and what decides how it compiles).
if (isStale(root, ["src", "tsconfig.json", "tsconfig.build.json", "package.json", "package-lock.json"], join("dist", "build.tsbuildinfo"))) {
  process.stderr.write("maillage: building dist/ (sources changed since the last build)…\n");
  const tsc = require.resolve("typescript/bin/tsc", { paths: [root] });
  // The build's output goes to stderr: stdout is the command's (`maillage export > file`).
  const build = spawnSync(process.execPath, [tsc, "-b", join(root, "tsconfig.build.json")], { cwd: root, stdio: ["ignore", 2, 2] });
  if (build.status !== 0) {
    process.stderr.write("maillage: the build failed (above); fix it, or run `npm run build` to see it again\n");
    process.exit(1);
  }
}
require("../dist/src/cli/main.js");
