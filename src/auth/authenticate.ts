import type { IncomingHttpHeaders } from "node:http";
import { AuthConfig } from "./auth.config";
import { UnauthenticatedError } from "./auth.errors";
import { findApiKey } from "./api-keys";
import { verifyJwt } from "./jwt";
import { ANONYMOUS, Viewer } from "./viewer";

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * The viewer behind a request's credential: `Authorization: Bearer <jwt>` or `X-API-Key: <key>`.
 * No credential is ANONYMOUS (or UNAUTHENTICATED when reads require a key); a credential
 * that does not verify is always UNAUTHENTICATED.
 * Usage: `const viewer = await authenticate(req.headers, config);`
 */
export async function authenticate(headers: IncomingHttpHeaders, config: AuthConfig): Promise<Viewer> {
  const authorization = headers.authorization?.trim();
  const apiKey = single(headers["x-api-key"])?.trim();
  if (authorization && apiKey) throw new UnauthenticatedError("send one credential, either Authorization or X-API-Key");
  if (authorization) {
    const token = BEARER.exec(authorization)?.[1];
    if (!token) throw new UnauthenticatedError("the Authorization header must be `Bearer <token>`");
    if (!config.jwt) throw new UnauthenticatedError("this server does not accept bearer tokens; use X-API-Key");
    return await verifyJwt(token, config.jwt);
  }
  if (apiKey) {
    const key = findApiKey(config.apiKeys, apiKey);
    if (!key) throw new UnauthenticatedError("unknown API key");
    return { role: key.role, subject: `api-key:${key.name}`, caller: { kind: "api-key", id: key.name } };
  }
  if (config.readsRequireKey) throw new UnauthenticatedError("this server requires a credential (X-API-Key or Authorization: Bearer) for every request");
  return ANONYMOUS;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(",") : value;
}
