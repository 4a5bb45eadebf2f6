import { Command, Option } from "commander";
import { diffPoints, resolveDiffPoints, DEFAULT_DIFF_ITEMS, MAX_DIFF_ITEMS, PointRef } from "../history/diff";
import { describeDiffScope, diffScopeOf } from "../history/diff.scope";
import { diffText } from "../history/diff.text";
import { parseExportOptions } from "../export/export.scope";
import { BadUserInputError } from "../common/errors";
import { withConnection } from "./run";

interface DiffOptions {
  from: string;
  to?: string;
  territory?: string;
  idPrefix?: string;
  actor?: string;
  depth?: string;
  first: string;
  format: "text" | "json";
}

/** An ISO instant ("2026-03-01T00:00:00Z", or a date, read as midnight UTC) names a recorded instant; anything else a release. */
function pointOf(text: string): PointRef {
  return /^\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(text) ? { asRecordedOn: text.length === 10 ? `${text}T00:00:00Z` : text } : { release: text };
}

function integer(text: string | undefined, field: string): number | null {
  if (text === undefined) return null;
  if (!/^\d+$/.test(text)) throw new BadUserInputError(field, `must be a whole number, got "${text}"`);
  return Number(text);
}

/** `maillage diff`: registered by the CLI's main file. */
export function registerDiff(program: Command): void {
  program
    .command("diff")
    .description("What was added, removed and changed between two releases or instants of recorded time, for the whole graph, a territory or an actor's neighbourhood")
    .requiredOption("--from <point>", "a release name (2026-Q3) or an instant (2026-03-01 or 2026-03-01T12:00:00Z)")
    .option("--to <point>", "the same; default: now")
    .option("--territory <ref>", "alliances acting in this territory or inside it, their members, outcomes and sources (DEPARTEMENT:94, 94028)")
    .option("--id-prefix <prefix>", "only facts whose ids start with this")
    .option("--actor <id>", "an actor's neighbourhood: the actors within --depth co-construction hops, their alliances and memberships")
    .option("--depth <hops>", "hops from --actor, 1 to 3 (default 1)")
    .option("--first <n>", `entities listed per kind (added, removed, changed), 1 to ${MAX_DIFF_ITEMS}; the counts are always whole`, String(DEFAULT_DIFF_ITEMS))
    .addOption(new Option("--format <format>", "text: counts, then one line per change; json: the whole answer").choices(["text", "json"]).default("text"))
    .addHelpText(
      "after",
      "\nExamples:\n" +
        "  maillage diff --from 2026-Q3 --to 2026-Q4 --territory DEPARTEMENT:94\n" +
        "  maillage diff --from 2026-03-01 --actor 'ACTOR ID' --depth 2 --format json",
    )
    .action(async (options: DiffOptions) => {
      const answer = await withConnection(async ({ executor }) => {
        const territoryId = options.territory ? (await parseExportOptions(executor, { territory: options.territory })).scope.territoryId : null;
        const scope = diffScopeOf({ territoryId, idPrefix: options.idPrefix, actor: options.actor, depth: integer(options.depth, "depth") }, "");
        const points = await resolveDiffPoints(executor, pointOf(options.from), options.to === undefined ? null : pointOf(options.to));
        const first = integer(options.first, "first")!;
        return { scope: describeDiffScope(scope), diff: await diffPoints(executor, points.from, points.to, scope, { first, withWho: true }) };
      });
      console.log(options.format === "json" ? JSON.stringify({ scope: answer.scope, ...answer.diff }, null, 2) : diffText(answer.diff, answer.scope));
    });
}
