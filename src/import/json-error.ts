/**
 * Where and why `text` is not JSON, as a person finds it: "line 3, column 18: a property name
 * in double quotes expected, found `}` in `{ "id": "a", },`". Called once JSON.parse has
 * failed (V8 names a character offset, and for some mistakes none at all).
 */
export function jsonErrorAt(text: string): string {
  const { offset, expected } = firstSyntaxError(text);
  const before = text.slice(0, offset).split("\n");
  const line = before.length;
  const column = [...before[line - 1]].length + 1;
  const lineText = (text.split("\n")[line - 1] ?? "").replace(/\r$/, "");
  const char = [...text.slice(offset)][0];
  const code = char && char < " " ? `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}` : undefined;
  const found = char === undefined ? "the end of the file" : code ? `${code} (${char === "\n" || char === "\r" ? "a line break" : "a control character"})` : `\`${char}\``;
  const excerpt = [...lineText].slice(Math.max(0, column - 40), column + 40).join("").trim();
  return `line ${line}, column ${column}: ${expected} expected, found ${found}${excerpt ? ` in \`${excerpt}\`` : ""}`;
}

/** The offset of the first character JSON's grammar (RFC 8259) does not allow there, and what it allows. */
function firstSyntaxError(text: string): { offset: number; expected: string } {
  let i = 0;
  class Stop {
    constructor(readonly expected: string) {}
  }
  const ws = () => {
    while (i < text.length && " \t\n\r".includes(text[i])) i++;
  };
  const literal = (word: string) => {
    for (const c of word) if (text[i++] !== c) throw ((i -= 1), new Stop(`\`${word}\``));
  };
  const string = () => {
    i++; // the opening quote
    for (;;) {
      if (i >= text.length) throw new Stop('a closing `"`');
      const c = text[i];
      if (c === '"') return void i++;
      if (c < " ") throw new Stop("in a string, an escape (\\n for a line break)");
      if (c === "\\") {
        i++;
        if (text[i] === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) throw ((i += 1), new Stop("4 hexadecimal digits after \\u"));
          i += 5;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? "x")) throw new Stop('an escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)');
        else i++;
      } else i++;
    }
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!match) throw new Stop("a value");
    i += match[0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === "{") return members("}", () => {
      ws();
      if (text[i] !== '"') throw new Stop("a property name in double quotes");
      string();
      ws();
      if (text[i] !== ":") throw new Stop("`:`");
      i++;
      value();
    });
    if (c === "[") return members("]", value);
    if (c === '"') return string();
    if (c === "t") return literal("true");
    if (c === "f") return literal("false");
    if (c === "n") return literal("null");
    number();
  };
  const members = (close: string, member: () => void) => {
    i++;
    ws();
    if (text[i] === close) return void i++;
    for (;;) {
      member();
      ws();
      if (text[i] === close) return void i++;
      if (text[i] !== ",") throw new Stop(`\`,\` or \`${close}\``);
      i++;
    }
  };
  try {
    if (text.charCodeAt(0) === 0xfeff) i++; // a BOM the decoder left
    value();
    ws();
    if (i < text.length) throw new Stop("the end of the document");
    return { offset: text.length, expected: "valid JSON" }; // JSON.parse disagreed: not reached
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    return { offset: i, expected: error.expected };
  }
}
