/**
 * Shareable links: `/graphql?query=…&variables=…&operationName=…` opens the IDE with that
 * operation (the server serves the IDE to a browser's GET, the API to any other client), and
 * editing writes the open tab back into the address bar. Headers (API keys) never go in a URL.
 */
export interface SharedOperation {
  query: string;
  variables?: string;
  operationName?: string;
}

/** The operation a link carries, or null when it carries none. */
export function sharedOperation(search: string): SharedOperation | null {
  const params = new URLSearchParams(search);
  const query = params.get("query");
  if (!query) return null;
  const variables = params.get("variables") ?? undefined;
  return { query, variables: variables ? pretty(variables) : undefined, operationName: params.get("operationName") ?? undefined };
}

/** The link of an operation: the bare path for an empty editor or the preloaded examples. */
export function shareUrl(path: string, operation: { query?: string | null; variables?: string | null; operationName?: string | null }, examples: string): string {
  const query = operation.query?.trim();
  if (!query || query === examples.trim()) return path;
  const params = new URLSearchParams({ query });
  const variables = operation.variables?.trim();
  if (variables && variables !== "{}") params.set("variables", compact(variables));
  if (operation.operationName) params.set("operationName", operation.operationName);
  return `${path}?${params}`;
}

/** Variables as the editor shows them (indented), or as given when they are not JSON yet. */
function pretty(json: string): string {
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}

/** Variables on one line in a link (shorter); text that is not JSON yet travels as typed. */
function compact(json: string): string {
  try {
    return JSON.stringify(JSON.parse(json));
  } catch {
    return json;
  }
}
