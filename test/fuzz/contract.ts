/**
 * The error contract of /graphql ("Hardening" §6): whatever a client sends, the answer is
 * JSON with data or coded errors, never a 5xx, a stack trace or database text.
 */

/** Every code a client may see. INTERNAL_SERVER_ERROR is allowed by the shape, but never for client garbage. */
export const ERROR_CODES = new Set([
  "BAD_USER_INPUT",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "QUERY_TOO_COMPLEX",
  "SERVICE_UNAVAILABLE",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "OPERATION_RESOLUTION_FAILURE",
  "INTERNAL_SERVER_ERROR",
]);

/** Text that would mean the database or the runtime leaked into a message. */
const LEAKS: RegExp[] = [/Neo4j/i, /MATCH \(/, /Neo\.(Client|Transient|Database)Error/, /Cypher/i, /\bat .+\.(ts|js):\d+/, /node_modules/];

export interface HttpAnswer {
  status: number;
  contentType: string | null;
  text: string;
}

/** POSTs a raw body (JSON unless told otherwise) and reads the whole answer, giving up after `timeoutMs`. */
export async function post(url: string, body: string, headers: Record<string, string> = {}, timeoutMs = 15_000): Promise<HttpAnswer> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
    signal: AbortSignal.timeout(timeoutMs),
  });
  return { status: response.status, contentType: response.headers.get("content-type"), text: await response.text() };
}

/** POSTs `{ query, variables }` as JSON. */
export function postQuery(url: string, query: string, variables?: unknown): Promise<HttpAnswer> {
  return post(url, JSON.stringify(variables === undefined ? { query } : { query, variables }));
}

/** Codes seen per property, printed at the end so a run shows what it exercised. */
export class CodeTally {
  private readonly counts = new Map<string, Map<string, number>>();

  add(property: string, codes: string[]): void {
    const row = this.counts.get(property) ?? new Map<string, number>();
    for (const code of codes.length ? codes : ["(data)"]) row.set(code, (row.get(code) ?? 0) + 1);
    this.counts.set(property, row);
  }

  toString(): string {
    return [...this.counts]
      .map(([property, row]) => `  ${property}: ${[...row].map(([code, n]) => `${code}×${n}`).join(", ")}`)
      .join("\n");
  }
}

const clip = (text: string, max = 600) => (text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text);

/**
 * Checks one answer against the contract and returns the error codes it carried; throws a
 * message naming the request and the broken rule otherwise. `internalAllowed` is false for
 * every input a client can make up: a masked INTERNAL_SERVER_ERROR there is a server bug.
 */
export function expectContract(request: string, answer: HttpAnswer, internalAllowed = false): string[] {
  const fail = (rule: string): never => {
    throw new Error(`${rule}\n  request: ${clip(request)}\n  status: ${answer.status} ${answer.contentType}\n  body: ${clip(answer.text)}`);
  };
  if (answer.status >= 500) fail(`HTTP ${answer.status} (must be < 500)`);
  let body: any;
  try {
    body = JSON.parse(answer.text);
  } catch {
    fail("body is not JSON");
  }
  if (body === null || typeof body !== "object" || Array.isArray(body)) fail("body is not a JSON object");
  if (!("data" in body) && !("errors" in body)) fail("body has neither data nor errors");
  const errors: any[] = body.errors ?? [];
  if (!Array.isArray(errors)) fail("errors is not a list");
  if (answer.status >= 400 && errors.length === 0) fail("a 4xx without errors");
  const codes: string[] = [];
  for (const error of errors) {
    const code = error?.extensions?.code;
    if (typeof code !== "string" || !ERROR_CODES.has(code)) fail(`error without a known extensions.code (${String(code)})`);
    if (code === "INTERNAL_SERVER_ERROR" && !internalAllowed) fail("INTERNAL_SERVER_ERROR for client input (a server bug)");
    if (error.extensions.stacktrace !== undefined) fail("extensions.stacktrace present");
    const message = String(error.message ?? "");
    const leak = LEAKS.find((pattern) => pattern.test(message));
    if (leak) fail(`message leaks ${leak}`);
    codes.push(code);
  }
  return codes;
}
