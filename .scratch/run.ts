import "reflect-metadata";
import { createProgram } from "../src/cli/program";
createProgram().parseAsync(["node", "maillage", ...process.argv.slice(2)]).then(() => console.log("exit", process.exitCode ?? 0));
