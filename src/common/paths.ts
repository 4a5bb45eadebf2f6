import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

/** The repository root (where package.json is), whether we run from src/ with ts-jest or from dist/. */
function findRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`package.json not found above ${start}`);
    dir = parent;
  }
  return dir;
}

export const PROJECT_ROOT = findRoot(__dirname);
