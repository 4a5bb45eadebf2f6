// Builds the network explorer served at /explore: type-checks explorer/*.ts (DOM lib, its
// own tsconfig), bundles it with sigma, graphology, ForceAtlas2 and graphology-gexf into one
// file, and copies the page and its styles next to it. Output: dist/explorer/.
// Also builds the GraphQL IDE served at /graphql to browsers: ide/*.tsx (GraphiQL 4 and React,
// its own tsconfig) bundled with its styles (GraphiQL's CSS, fonts inlined). Output: dist/ide/.
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

// The GraphQL IDE: same checks and bundling; its CSS (GraphiQL's, with its fonts as data: URLs) lands in ide.css.
const ideSource = join(root, "ide");
const ideOut = join(root, "dist", "ide");
try {
  execFileSync(process.execPath, [tsc, "-p", join(ideSource, "tsconfig.json")], { stdio: "inherit" });
} catch {
  console.error("ide: type errors in ide/*.ts(x) (above)");
  process.exit(1);
}
mkdirSync(ideOut, { recursive: true });
await build({
  entryPoints: [join(ideSource, "ide.tsx")],
  outfile: join(ideOut, "ide.js"),
  bundle: true,
  format: "iife",
  platform: "browser",
  target: ["es2020"],
  jsx: "automatic",
  loader: { ".graphql": "text" }, // schema/examples.graphql, the README's operations
  define: { "process.env.NODE_ENV": '"production"' }, // React's production build
  minify: true,
  sourcemap: true,
  legalComments: "linked",
  logLevel: "warning",
});
copyFileSync(join(ideSource, "index.html"), join(ideOut, "index.html"));
console.log(`ide: built ${ideOut}`);
