/**
 * Transpiles src/ and bench/{lib,servers}/ to plain JavaScript in bench/.data/build (TypeScript's
 * transpileModule: decorator metadata kept, no type check, no source maps), so the benchmarked
 * servers run as in production — plain `node`, without ts-node's on-the-fly compiler and its
 * source-map-support stack rewriting (which made every neo4j-driver result pay a stack trace).
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import ts from "typescript";

const REPO = join(__dirname, "..", "..");
export const BUILD_DIR = join(REPO, "bench", ".data", "build");

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) { if (entry.name !== ".data" && entry.name !== "node_modules") yield* files(path); }
    else yield path;
  }
}

/** Returns the path of the compiled file for a repository-relative .ts path. */
export function compiled(relativeTs: string): string {
  return join(BUILD_DIR, relativeTs.replace(/\.ts$/, ".js"));
}

export function compileForBench(): number {
  const started = Date.now();
  const compilerOptions: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, experimentalDecorators: true, emitDecoratorMetadata: true,
    esModuleInterop: true, resolveJsonModule: true, sourceMap: false, useDefineForClassFields: true,
  };
  for (const root of ["src", "bench/lib", "bench/servers"]) {
    for (const file of files(join(REPO, root))) {
      const out = join(BUILD_DIR, relative(REPO, file));
      mkdirSync(dirname(out), { recursive: true });
      if (file.endsWith(".d.ts")) continue; // declarations only (src/citation/citation-js.d.ts): nothing to run
      if (file.endsWith(".ts")) {
        const { outputText } = ts.transpileModule(readFileSync(file, "utf8"), { compilerOptions, fileName: file });
        writeFileSync(out.replace(/\.ts$/, ".js"), outputText);
      } else if (file.endsWith(".json")) copyFileSync(file, out);
    }
  }
  return Date.now() - started;
}
