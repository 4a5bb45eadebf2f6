/** One command of a ```sh block of the README, as a shell would run it. */
export interface ShellCommand {
  /** The README line it starts on (1-based), for messages. */
  line: number;
  /** The command: continuation lines joined, a trailing `# comment` dropped, one side of `a && b`. */
  command: string;
}

/**
 * Every command of every ```sh block of `markdown`, in order: lines ending in `\` are joined to
 * the next, comments dropped, and `a && b` gives two commands (so that `npm ci && npm start` can
 * skip the first and run the second).
 */
export function shellCommands(markdown: string): ShellCommand[] {
  const commands: ShellCommand[] = [];
  const lines = markdown.split("\n");
  let inBlock = false;
  let pending: ShellCommand | null = null;
  lines.forEach((text, index) => {
    if (!inBlock) {
      inBlock = /^```sh\s*$/.test(text);
      return;
    }
    if (/^```\s*$/.test(text)) {
      if (pending) throw new Error(`README.md:${pending.line}: a \`\\\` continuation runs into the end of its block`);
      inBlock = false;
      return;
    }
    const code = text.replace(/(^|\s)#.*$/, "").trimEnd();
    const continued = code.endsWith("\\");
    const part = (continued ? code.slice(0, -1) : code).trim();
    pending = pending ? { line: pending.line, command: `${pending.command} ${part}`.trim() } : { line: index + 1, command: part };
    if (continued) return;
    const { line, command } = pending;
    pending = null;
    for (const one of command.split(/\s+&&\s+/)) if (one.trim()) commands.push({ line, command: one.trim() });
  });
  if (inBlock) throw new Error("README.md: a ```sh block is never closed");
  return commands;
}
