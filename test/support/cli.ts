import { CommanderError } from "commander";
import { createProgram } from "../../src/cli/program";

/** Runs `maillage <args>` in-process; returns what it printed (console.log and console.error included) and the exit code it set; other errors reach the caller, as in main.ts. */
export async function runCli(args: string[]): Promise<{ out: string; code: number }> {
  let out = "";
  const program = await createProgram();
  const capture = (command: typeof program) => {
    command.configureOutput({ writeOut: (s) => (out += s), writeErr: (s) => (out += s) });
    command.commands.forEach(capture);
  };
  capture(program);
  const log = jest.spyOn(console, "log").mockImplementation((...a) => void (out += a.join(" ") + "\n"));
  const error = jest.spyOn(console, "error").mockImplementation((...a) => void (out += a.join(" ") + "\n"));
  process.exitCode = 0;
  try {
    await program.parseAsync(["node", "maillage", ...args]);
    return { out, code: Number(process.exitCode ?? 0) };
  } catch (e) {
    if (e instanceof CommanderError) return { out, code: e.exitCode };
    throw e;
  } finally {
    log.mockRestore();
    error.mockRestore();
    process.exitCode = 0;
  }
}
