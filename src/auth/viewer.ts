import type { Caller } from "../neo4j/caller";

/**
 * Who is asking: a role and, when authenticated, a subject (a JWT's `sub`, an API key's name).
 * Roles are ordered: ADMIN ⊃ EDITOR ⊃ READER ⊃ ANONYMOUS.
 */
export enum Role {
  ANONYMOUS = "anonymous",
  READER = "reader",
  EDITOR = "editor",
  ADMIN = "admin",
}

const RANK: Record<Role, number> = { [Role.ANONYMOUS]: 0, [Role.READER]: 1, [Role.EDITOR]: 2, [Role.ADMIN]: 3 };

/** Roles a credential can grant (nobody is issued ANONYMOUS). */
export const GRANTABLE_ROLES = [Role.READER, Role.EDITOR, Role.ADMIN] as const;

export interface Viewer {
  role: Role;
  /** Null for anonymous requests. */
  subject: string | null;
  /** Whom the request's writes are recorded for (api-key or jwt); null for anonymous requests, which cannot write. */
  caller: Caller | null;
}

export const ANONYMOUS: Viewer = Object.freeze({ role: Role.ANONYMOUS, subject: null, caller: null });

/** True when `role` includes everything `required` may do. */
export function hasRole(role: Role, required: Role): boolean {
  return RANK[role] >= RANK[required];
}

/** A grantable role from its name, any case (`"Editor"` → EDITOR); undefined when unknown. */
export function parseRole(name: unknown): Role | undefined {
  if (typeof name !== "string") return undefined;
  const role = name.trim().toLowerCase() as Role;
  return (GRANTABLE_ROLES as readonly Role[]).includes(role) ? role : undefined;
}

/** The highest of some roles (ANONYMOUS for none). */
export function highestRole(roles: Role[]): Role {
  return roles.reduce((best, role) => (RANK[role] > RANK[best] ? role : best), Role.ANONYMOUS);
}
