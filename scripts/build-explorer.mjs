// Builds the network explorer served at /explore: type-checks explorer/*.ts (DOM lib, its
// own tsconfig), bundles it with sigma, graphology, ForceAtlas2 and graphology-gexf into one
// file, and copies the page and its styles next to it. Output: dist/explorer/.
// Also builds the territory dashboard (explorer/dashboard/, with Observable Plot) served at
// /explore/dashboard/. Output: dist/explorer/dashboard/.
// Usage: node scripts/build-explorer.mjs   (part of `npm run build`)
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const source = join(root, "explorer");
const out = join(root, "dist", "explorer");

const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
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

// The territory dashboard: same checks and bundling, in dist/explorer/ so /explore serves it at /explore/dashboard/.
const dashboardSource = join(source, "dashboard");
const dashboardOut = join(out, "dashboard");
try {
  execFileSync(process.execPath, [tsc, "-p", join(dashboardSource, "tsconfig.json")], { stdio: "inherit" });
} catch {
  console.error("dashboard: type errors in explorer/dashboard/*.ts (above)");
  process.exit(1);
}
mkdirSync(dashboardOut, { recursive: true });
await build({
  entryPoints: [join(dashboardSource, "dashboard.ts")],
  outfile: join(dashboardOut, "dashboard.js"),
  bundle: true,
  format: "iife",
  platform: "browser",
  target: ["es2020"],
  loader: { ".graphql": "text" }, // explorer/dashboard/operations.graphql, its registered operations
  minify: true,
  sourcemap: true,
  legalComments: "linked",
  logLevel: "warning",
});
for (const file of ["index.html", "styles.css"]) copyFileSync(join(dashboardSource, file), join(dashboardOut, file));
console.log(`dashboard: built ${dashboardOut}`);
