import { keyedLoader } from "../common/loader";
import { MembershipRepository } from "./membership.repository";

/** Per-request loader of memberships by id. */
export function createMembershipLoaders(repo: MembershipRepository) {
  return {
    membershipById: keyedLoader((ids: readonly string[]) => repo.byIds(ids)),
  };
}
