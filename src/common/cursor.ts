import { BadUserInputError } from "./errors";

/**
 * Keyset cursors: the sort key of an item ([nameKey, id], [startDate, nameKey, id], …) and
 * the ordering it belongs to, as opaque base64url. A page after a cursor holds the items
 * whose sort key comes after it, so rows added before the cursor never shift the page.
 */
export function encodeCursor(order: string, sortKey: unknown[]): string {
  return Buffer.from(JSON.stringify({ o: order, k: sortKey }), "utf8").toString("base64url");
}

/** The sort key in a cursor made by `encodeCursor` for `order`; anything else is BAD_USER_INPUT on `field`. */
export function decodeCursor(cursor: string, order: string, field: string): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw new BadUserInputError(field, "is not a cursor this list gave");
  }
  const { o, k } = (parsed ?? {}) as { o?: unknown; k?: unknown };
  if (!Array.isArray(k) || k.some((v) => typeof v !== "string" && typeof v !== "number")) {
    throw new BadUserInputError(field, "is not a cursor this list gave");
  }
  if (o !== order) throw new BadUserInputError(field, `belongs to another ordering (${String(o)}), not ${order}`);
  return k;
}
