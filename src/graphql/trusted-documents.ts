import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { RequestHandler, Response } from "express";
import { DocumentNode, Kind, parse, SelectionSetNode } from "graphql";
import { ConfigError, parseBoolean } from "../common/config-parse";
import { ErrorCode } from "../common/errors";
import { PROJECT_ROOT } from "../common/paths";

/**
 * Trusted documents: a mode where only registered operations run (for a public deployment).
 *
 *   MAILLAGE_TRUSTED_DOCUMENTS        true: refuse every document not registered (default false)
 *   MAILLAGE_TRUSTED_DOCUMENTS_FILE   an operator's manifest of more documents, same format
 *
 * The registry is schema/trusted-documents.json (the explorer's and the README's operations,
 * emitted by `npm run schema:emit`, checked current by a test) plus the operator's file, both in
 * Apollo's persisted query manifest format. A client sends the full text (run when its sha256 is
 * registered) or only `extensions.persistedQuery.sha256Hash`; nothing can register a document
 * (Apollo's automatic persisted queries are off in this mode).
 */
export interface PersistedQueryManifest {
  format: "apollo-persisted-query-manifest";
  version: 1;
  operations: { id: string; name: string; type: "query" | "mutation" | "subscription"; body: string }[];
}

/** Registered documents by the sha256 (hex) of their text. */
export type TrustedDocuments = ReadonlyMap<string, string>;

export const TRUSTED_DOCUMENTS_MANIFEST = join(PROJECT_ROOT, "schema", "trusted-documents.json");

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** The registry when MAILLAGE_TRUSTED_DOCUMENTS is on, else null (every document runs). */
export function loadTrustedDocuments(env: NodeJS.ProcessEnv, manifest = TRUSTED_DOCUMENTS_MANIFEST): TrustedDocuments | null {
  const operatorFile = env.MAILLAGE_TRUSTED_DOCUMENTS_FILE?.trim();
  if (!parseBoolean("MAILLAGE_TRUSTED_DOCUMENTS", env.MAILLAGE_TRUSTED_DOCUMENTS, false)) {
    if (operatorFile) throw new ConfigError("MAILLAGE_TRUSTED_DOCUMENTS_FILE", `is set ("${operatorFile}") but MAILLAGE_TRUSTED_DOCUMENTS is not true`);
    return null;
  }
  const documents = new Map<string, string>();
  for (const [variable, file] of [["MAILLAGE_TRUSTED_DOCUMENTS", manifest], ["MAILLAGE_TRUSTED_DOCUMENTS_FILE", operatorFile]] as const) {
    if (file) for (const { id, body } of readManifest(variable, file).operations) documents.set(id, body);
  }
  return documents;
}

/** A manifest file, each entry's id checked to be the sha256 of its body. */
function readManifest(variable: string, file: string): PersistedQueryManifest {
  let manifest: PersistedQueryManifest;
  try {
    manifest = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new ConfigError(variable, `names a manifest that cannot be read as JSON (${file}): ${(error as Error).message}`);
  }
  if (manifest?.format !== "apollo-persisted-query-manifest" || manifest.version !== 1 || !Array.isArray(manifest.operations)) {
    throw new ConfigError(variable, `names ${file}, which is not { "format": "apollo-persisted-query-manifest", "version": 1, "operations": [...] }`);
  }
  for (const [i, entry] of manifest.operations.entries()) {
    if (typeof entry?.body !== "string" || entry.id !== sha256(entry.body)) {
      throw new ConfigError(variable, `names ${file}, whose operations[${i}].id must be the sha256 (hex) of its body; got "${entry?.id}"`);
    }
  }
  return manifest;
}

/** The hash a client asks for, from a POST body or a GET's `extensions` parameter. */
interface PersistedRequest {
  query: unknown;
  extensions: Record<string, any> | undefined;
}

/**
 * Express guard of /graphql in trusted mode (after the JSON body parser): a registered hash
 * becomes its text, a registered text passes; anything else is refused before parsing with a
 * coded error carrying the hash: PERSISTED_QUERY_NOT_FOUND (400) for an unknown hash,
 * FORBIDDEN with reason UNTRUSTED_DOCUMENT (403) for a text not registered. With
 * `introspection` (the IDE on), a document that only introspects passes too, so the IDE's
 * docs and autocomplete work while only registered operations read data.
 */
export function trustedDocumentsOnly(documents: TrustedDocuments, options: { introspection?: boolean; maxTokens?: number } = {}): RequestHandler {
  return (req, res, next) => {
    const url = new URL(req.url, "http://local");
    const isGet = req.method === "GET";
    const request: PersistedRequest = isGet ? { query: url.searchParams.get("query") ?? undefined, extensions: parseJson(url.searchParams.get("extensions")) } : (req.body ?? {});
    const asked = request.extensions?.persistedQuery?.sha256Hash;
    if (typeof request.query === "string" && request.query !== "") {
      const hash = [request.query, request.query.trim()].map(sha256).find((h) => documents.has(h));
      if (!hash && options.introspection && onlyIntrospects(request.query, options.maxTokens)) return next();
      if (!hash) return refuse(res, 403, ErrorCode.FORBIDDEN, "Only registered operations run on this server; this document is not one", sha256(request.query), "UNTRUSTED_DOCUMENT");
      if (typeof asked === "string" && asked !== sha256(request.query) && asked !== hash) {
        return refuse(res, 400, "BAD_REQUEST", "extensions.persistedQuery.sha256Hash is not the sha256 of the query sent", asked);
      }
    } else if (typeof asked === "string") {
      const body = documents.get(asked);
      if (body === undefined) return refuse(res, 400, "PERSISTED_QUERY_NOT_FOUND", "No registered operation has this sha256Hash", asked);
      if (isGet) url.searchParams.set("query", body);
      else req.body.query = body;
    }
    // Apollo's own persisted queries are off in this mode: it must not see the extension.
    if (request.extensions?.persistedQuery) {
      const { persistedQuery: _resolved, ...rest } = request.extensions;
      if (isGet) url.searchParams.set("extensions", JSON.stringify(rest));
      else req.body.extensions = rest;
    }
    if (isGet) req.url = url.pathname + url.search;
    next();
  };
}

/** Whether a document's operations are queries selecting only `__schema`, `__type` and `__typename` (GraphiQL's introspection). */
export function onlyIntrospects(text: string, maxTokens = 3000): boolean {
  let document: DocumentNode;
  try {
    document = parse(text, { maxTokens, noLocation: true });
  } catch {
    return false; // not ours to explain: refused as untrusted
  }
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d.selectionSet] as const] : [])));
  const introspects = (set: SelectionSetNode, seen: Set<string>): boolean =>
    set.selections.every((selection) => {
      if (selection.kind === Kind.FIELD) return selection.name.value.startsWith("__");
      if (selection.kind === Kind.INLINE_FRAGMENT) return introspects(selection.selectionSet, seen);
      const fragment = fragments.get(selection.name.value);
      if (!fragment || seen.has(selection.name.value)) return false;
      return introspects(fragment, new Set([...seen, selection.name.value]));
    });
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  return operations.length > 0 && operations.every((o) => o.kind === Kind.OPERATION_DEFINITION && o.operation === "query" && introspects(o.selectionSet, new Set()));
}

function parseJson(text: string | null): Record<string, any> | undefined {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined; // Apollo answers the malformed parameter itself
  }
}

function refuse(res: Response, status: number, code: string, message: string, sha256Hash: string, reason?: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code, ...(reason ? { reason } : {}), sha256Hash, requestId: res.req.requestId } }] });
}
