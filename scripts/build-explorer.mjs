// Builds the browser pages the server serves, each type-checked with its own tsconfig (DOM lib)
// and bundled by esbuild into one file next to its page and styles, so they work offline:
//   explorer   explorer/*.ts (sigma, graphology, ForceAtlas2, the GEXF writer)  → dist/explorer/            at /explore/
//   dashboard  explorer/dashboard/*.ts (Observable Plot)                         → dist/explorer/dashboard/  at /explore/dashboard/
//   ide        ide/*.tsx (GraphiQL 4 and React; GraphiQL's CSS, fonts inlined)  → dist/ide/                 at /graphql for browsers
// Usage: node scripts/build-explorer.mjs [--force]   (part of `npm run build`)
// Skipped when nothing it reads changed since its last build (dist/browser-pages.stamp is newer
// than every file under BROWSER_INPUTS): an unchanged checkout starts without re-bundling.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);

// Everything the pages are built from: their source folders (explorer/ holds the dashboard's
// too), the README examples the IDE bundles, this script, and the locked dependency versions.
const BROWSER_INPUTS = ["explorer", "ide", "schema/examples.graphql", "scripts/build-explorer.mjs", "scripts/staleness.cjs", "package-lock.json",
  // The server's GEXF writer and kind colours, which the explorer bundles (browser-safe: no Node import).
  "src/export/gexf.writer.ts", "src/export/graph-writer.ts", "src/export/xml-text.ts", "src/export/kind-palette.ts"];
const STAMP = join("dist", "browser-pages.stamp");
const { isStale } = require("./staleness.cjs");
if (!process.argv.includes("--force") && !isStale(root, BROWSER_INPUTS, STAMP)) {
  console.log("browser pages: up to date (node scripts/build-explorer.mjs --force rebuilds them)");
  process.exit(0);
}
const { build } = await import("esbuild");
const tsc = require.resolve("typescript/bin/tsc");

const PAGES = [
  { name: "explorer", source: "explorer", entry: "explorer.ts", out: "dist/explorer", copy: ["index.html", "styles.css", "base.css"] },
  { name: "dashboard", source: "explorer/dashboard", entry: "dashboard.ts", out: "dist/explorer/dashboard", copy: ["index.html", "styles.css"] },
  {
    name: "ide",
    source: "ide",
    entry: "ide.tsx",
    out: "dist/ide",
    copy: ["index.html"],
    // React's production build; ide.css (GraphiQL's stylesheet) comes out beside ide.js.
    options: { jsx: "automatic", define: { "process.env.NODE_ENV": '"production"' } },
  },
];

for (const page of PAGES) {
  const source = join(root, page.source);
  const out = join(root, page.out);
  try {
    execFileSync(process.execPath, [tsc, "-p", join(source, "tsconfig.json")], { stdio: "inherit" });
  } catch {
    console.error(`${page.name}: type errors in ${page.source}/ (above)`);
    process.exit(1);
  }
  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: [join(source, page.entry)],
    outfile: join(out, page.entry.replace(/\.tsx?$/, ".js")),
    bundle: true,
    format: "iife",
    platform: "browser",
    target: ["es2020"],
    loader: { ".graphql": "text" }, // the page's registered operations (the IDE: schema/examples.graphql)
    minify: true,
    sourcemap: true,
    legalComments: "linked",
    logLevel: "warning",
    ...page.options,
  });
  for (const file of page.copy) copyFileSync(join(source, file), join(out, file));
  console.log(`${page.name}: built ${out}`);
}

// Last: written only when every page above built.
writeFileSync(join(root, STAMP), `${new Date().toISOString()}\n`);
