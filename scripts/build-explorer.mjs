// Builds the network explorer served at /explore: type-checks explorer/*.ts (DOM lib, its
// own tsconfig), bundles it with sigma, graphology, ForceAtlas2 and graphology-gexf into one
// file, and copies the page and its styles next to it. Output: dist/explorer/.
// Usage: node scripts/build-explorer.mjs [--force]   (part of `npm run build`)
// Skipped when nothing it reads changed since its last build (dist/browser-pages.stamp is newer
// than every file under BROWSER_INPUTS): an unchanged checkout starts without re-bundling.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const source = join(root, "explorer");
const out = join(root, "dist", "explorer");
const require = createRequire(import.meta.url);

// Everything the browser pages are built from: their source folders (explorer/ holds the
// dashboard's too), this script, and the locked dependency versions bundled into them.
const BROWSER_INPUTS = ["explorer", "ide", "scripts/build-explorer.mjs", "scripts/staleness.cjs", "package-lock.json"];
const STAMP = join("dist", "browser-pages.stamp");
const { isStale } = require("./staleness.cjs");
if (!process.argv.includes("--force") && !isStale(root, BROWSER_INPUTS, STAMP)) {
  console.log("browser pages: up to date (node scripts/build-explorer.mjs --force rebuilds them)");
  process.exit(0);
}
const { build } = await import("esbuild");

const tsc = require.resolve("typescript/bin/tsc");
try {
  execFileSync(process.execPath, [tsc, "-p", join(source, "tsconfig.json")], { stdio: "inherit" });
} catch {
  console.error("explorer: type errors in explorer/*.ts (above)");
  process.exit(1);
}

mkdirSync(out, { recursive: true });
await build({
  entryPoints: [join(source, "explorer.ts")],
  outfile: join(out, "explorer.js"),
  bundle: true,
  format: "iife",
  platform: "browser",
  target: ["es2020"],
  loader: { ".graphql": "text" }, // operations.graphql, the explorer's registered operations
  minify: true,
  sourcemap: true,
  legalComments: "linked",
  logLevel: "warning",
});
for (const file of ["index.html", "styles.css"]) copyFileSync(join(source, file), join(out, file));
console.log(`explorer: built ${out}`);

// Last: written only when every page above built.
writeFileSync(join(root, STAMP), `${new Date().toISOString()}\n`);
