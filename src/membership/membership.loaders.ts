import DataLoader from "dataloader";
import { MembershipRepository } from "./membership.repository";

/** Per-request loader of memberships by id. */
export function createMembershipLoaders(repo: MembershipRepository) {
  return {
    membershipById: new DataLoader((ids: readonly string[]) => repo.byIds(ids)),
  };
}
