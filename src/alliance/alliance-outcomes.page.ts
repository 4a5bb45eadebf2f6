import { pageKey, planPage } from "../common/connection";
import { OutcomeKindArgs } from "../outcome/outcome.args";

/**
 * The page plan, scope and loader key of `Alliance.outcomes`, shared by its resolver and by
 * the hot path that fetches it ahead (actor/neighbourhood.prefetch.ts).
 */
export function allianceOutcomesPage(allianceId: string, args: OutcomeKindArgs) {
  const plan = planPage(args, "Alliance.outcomes", "TITLE");
  const scope = { kinds: args.kinds ?? null };
  return { plan, scope, key: pageKey(allianceId, plan, scope) };
}
