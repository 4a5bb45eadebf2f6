// Is a build output older than what it is built from? One mtime walk, no build tool loaded, so
// `maillage` and `npm start` pay a few milliseconds when nothing changed. Used by bin/maillage.js
// (the TypeScript build) and scripts/build-explorer.mjs (the browser pages).
const { readdirSync, statSync } = require("node:fs");
const { join } = require("node:path");

/** The newest modification time (ms) of a file, or of any file under a folder; 0 when it does not exist. */
function newestMtime(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file changes its folder's time
  for (const entry of readdirSync(path)) {
    if (entry === "node_modules" || entry.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/**
 * True when `output` (relative to `root`) is missing or older than any of `inputs` (files or
 * folders, relative to `root`; missing ones are ignored).
 */
function isStale(root, inputs, output) {
  const built = newestMtime(join(root, output));
  if (built === 0) return true;
  return inputs.some((input) => newestMtime(join(root, input)) > built);
}

module.exports = { isStale, newestMtime };
