import { ApolloServerPlugin } from "@apollo/server";
import { DocumentNode, FieldNode, FragmentDefinitionNode, GraphQLSchema, Kind, OperationDefinitionNode, SelectionSetNode } from "graphql";
import { getArgumentValues } from "graphql/execution/values";
import { BadUserInputError } from "../../common/errors";
import { UnauthenticatedError } from "../../auth/auth.errors";
import { Role } from "../../auth/viewer";
import { Context, readThrough } from "../../graphql/context";
import { historyClock, PointArgs, RecordedPoint, resolvePoint } from "./recorded-point";
import { lazyRecordedView, RecordedView, viewCacheOf } from "./recorded-view";
import { POINT_ARGS } from "./view-args";

/** What an answer read: `extensions.recordedAs` of every GraphQL answer that gave asRecordedOn or release. */
export const recordedAs = (point: RecordedPoint) => ({ seq: point.seq, asRecordedOn: point.at, release: point.release ?? null });

/**
 * One operation reads one recorded state. Once the operation is known, the asRecordedOn / release
 * its root fields give (they must agree) name a seq; the context's executor, repositories and
 * loaders are swapped for ones reading that state, so nested fields read it too. The slot is
 * leased on the first read (an operation the cost limit refuses builds nothing) and returned
 * when the answer is sent, which says what it read in extensions.recordedAs.
 *
 * Anonymous clients may read a release, or an instant whose state is current or already held by
 * a slot; building a view for any other instant takes a credential (each build rewrites a slot).
 */
export function recordedViewPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let view: RecordedView | undefined;
      return {
        async didResolveOperation({ operation, document, request, contextValue, schema }) {
          if (operation?.operation !== "query") return;
          const asked = pointArgsOf(schema, document, operation, request.variables ?? {});
          if (!asked) return;
          const point = (await resolvePoint(contextValue.executor, asked.args, asked.field).catch(badRequest))!;
          const { seq } = await historyClock(contextValue.executor);
          if (contextValue.viewer.role === Role.ANONYMOUS && !point.release && point.seq !== seq && !(await viewCacheOf(contextValue.executor).heldSeqs()).includes(point.seq)) {
            throw new UnauthenticatedError(`${asked.field}.asRecordedOn: reading an instant no view holds needs a credential; anonymous clients may ask for a release (the \`releases\` query lists them)`);
          }
          view = lazyRecordedView(contextValue.executor, point, seq);
          readThrough(contextValue, view.executor);
        },
        async willSendResponse({ response }) {
          if (!view) return;
          view.release();
          if (response.body.kind === "single") response.body.singleResult.extensions = { ...response.body.singleResult.extensions, recordedAs: recordedAs(view.point) };
        },
      };
    },
  };
}

/** The asRecordedOn / release the operation's root fields give, and the first field giving them; null when none does. Fields that disagree: BAD_USER_INPUT naming the second. */
function pointArgsOf(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): { args: PointArgs; field: string } | null {
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const fields = schema.getQueryType()!.getFields();
  let found: { args: PointArgs; field: string; key: string } | null = null;
  for (const node of rootFields(operation.selectionSet, fragments)) {
    // Most operations give neither: their arguments are not coerced at all.
    if (!node.arguments?.some((arg) => POINT_ARGS.includes(arg.name.value as never))) continue;
    const definition = fields[node.name.value];
    if (!definition?.args.some((arg) => arg.name === "asRecordedOn")) continue;
    const values = getArgumentValues(definition, node, variables);
    if (values.asRecordedOn == null && values.release == null) continue;
    const args: PointArgs = { asRecordedOn: values.asRecordedOn as PointArgs["asRecordedOn"], release: values.release as string | null };
    const key = JSON.stringify([args.asRecordedOn instanceof Date ? args.asRecordedOn.toISOString() : args.asRecordedOn ?? null, args.release ?? null]);
    const field = node.alias?.value ?? node.name.value;
    if (found && found.key !== key) {
      badRequest(new BadUserInputError(`${field}.${args.release != null ? "release" : "asRecordedOn"}`, `differs from ${found.field}'s: one operation reads one recorded state; give every root field the same asRecordedOn or release, or send two operations`));
    }
    found ??= { args, field, key };
  }
  return found && { args: found.args, field: found.field };
}

/** The root fields an operation runs, through fragments (the same fragment is walked once). */
function* rootFields(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, seen = new Set<string>()): Generator<FieldNode> {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) yield selection;
    else if (selection.kind === Kind.INLINE_FRAGMENT) yield* rootFields(selection.selectionSet, fragments, seen);
    else if (!seen.has(selection.name.value) && fragments.has(selection.name.value)) {
      seen.add(selection.name.value);
      yield* rootFields(fragments.get(selection.name.value)!.selectionSet, fragments, seen);
    }
  }
}

/** An error refusing the operation before it runs is the client's: HTTP 400 (Apollo answers 500 for one without a status). */
function badRequest(error: unknown): never {
  if (error instanceof BadUserInputError) Object.assign(error.extensions, { http: { status: 400 } });
  throw error;
}
