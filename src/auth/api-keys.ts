import { createHash, timingSafeEqual } from "node:crypto";
import { Role } from "./viewer";

/** A configured API key: only its SHA-256 is kept in memory. */
export interface ApiKey {
  role: Role;
  hash: Buffer;
  /** The viewer's subject, `api-key:<name>`; never the key itself. */
  name: string;
}

export function hashKey(key: string): Buffer {
  return createHash("sha256").update(key, "utf8").digest();
}

/**
 * The configured key equal to `presented`, or undefined. Compares fixed-length hashes in
 * constant time and checks every key, so timing tells neither the key nor which one matched.
 */
export function findApiKey(keys: readonly ApiKey[], presented: string): ApiKey | undefined {
  const hash = hashKey(presented);
  let found: ApiKey | undefined;
  for (const key of keys) {
    if (timingSafeEqual(key.hash, hash) && !found) found = key;
  }
  return found;
}
