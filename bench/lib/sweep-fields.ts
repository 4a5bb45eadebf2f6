import {
  getNamedType,
  GraphQLArgument,
  GraphQLField,
  GraphQLInputType,
  GraphQLNamedType,
  GraphQLSchema,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
} from "graphql";

/**
 * What the sweep asks, read from the built schema so a new field is swept without a line here:
 * every root Query field, and every paged field (a `first`/`after` field returning a
 * `…Connection`) of every object type. A field's filter arguments are its optional arguments
 * without a default (a default marks a mode such as `depth` or `maxNodes`, not a filter) other
 * than paging and ordering, an input object argument standing for each of its fields.
 */
export interface SweptField {
  /** "Query" for root fields, else the object type holding the paged field. */
  owner: string;
  name: string;
  paged: boolean;
  /** Arguments every call must give (non-null without a default). */
  required: readonly GraphQLArgument[];
  filters: readonly FilterArg[];
  field: GraphQLField<unknown, unknown>;
}

/** One filter criterion: `path` is ["at"] for an argument, ["filter", "kinds"] for an input object's field. */
export interface FilterArg {
  path: readonly string[];
  type: GraphQLInputType;
}

export const PAGING_ARGS = new Set(["first", "after", "last", "before"]);
// asRecordedOn / release read another state of the graph (src/history/view), and a PointInput (diff's `to`) names
// one: not filters of the current graph.
const NOT_FILTERS = new Set([...PAGING_ARGS, "orderBy", "asRecordedOn", "release"]);
const POINT_TYPES = new Set(["PointInput"]);

export const isPaged = (field: GraphQLField<unknown, unknown>) =>
  ["first", "after"].every((name) => field.args.some((a) => a.name === name)) && getNamedType(field.type).name.endsWith("Connection");

const isRequired = (arg: GraphQLArgument) => isNonNullType(arg.type) && arg.defaultValue === undefined;

export function filterArgsOf(field: GraphQLField<unknown, unknown>): FilterArg[] {
  const out: FilterArg[] = [];
  for (const arg of field.args) {
    const named = getNamedType(arg.type);
    if (NOT_FILTERS.has(arg.name) || POINT_TYPES.has(named.name) || isRequired(arg) || arg.defaultValue !== undefined) continue;
    if (isInputObjectType(named)) for (const inner of Object.values(named.getFields())) out.push({ path: [arg.name, inner.name], type: inner.type });
    else out.push({ path: [arg.name], type: arg.type });
  }
  return out;
}

export function sweptFields(schema: GraphQLSchema): SweptField[] {
  const describe = (owner: string, field: GraphQLField<unknown, unknown>): SweptField => ({
    owner,
    name: field.name,
    paged: isPaged(field),
    required: field.args.filter(isRequired),
    filters: filterArgsOf(field),
    field,
  });
  const query = schema.getQueryType();
  if (!query) throw new Error("the schema has no Query type; expected a root Query to sweep");
  const out = Object.values(query.getFields()).map((f) => describe("Query", f));
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__") || type === query || type === schema.getMutationType()) continue;
    for (const field of Object.values(type.getFields())) if (isPaged(field)) out.push(describe(type.name, field));
  }
  return out;
}

/** The root Query field answering a type by its required arguments (`actor(id:)` for Actor): how the sweep reaches a paged field's parent. */
export function parentFieldOf(schema: GraphQLSchema, type: string): GraphQLField<unknown, unknown> {
  // One parent, not a list of them (`sdg(number:)`, not `sdgs`).
  const single = (f: GraphQLField<unknown, unknown>) => !isListType(isNonNullType(f.type) ? f.type.ofType : f.type);
  const candidates = Object.values(schema.getQueryType()!.getFields()).filter((f) => getNamedType(f.type).name === type && single(f));
  if (candidates.length === 0) throw new Error(`no root Query field returns ${type}; the sweep needs one to reach ${type}'s paged fields`);
  // The one with fewest required arguments: `actor(id:)` rather than a search.
  return candidates.sort((a, b) => a.args.filter(isRequired).length - b.args.filter(isRequired).length)[0];
}

/**
 * The selection the sweep asks of a type: its leaf fields without arguments, and for object
 * fields without arguments their own leaves (`id` alone when they have one), two levels deep;
 * fields with arguments are swept on their own. A connection gets totalCount, pageInfo and its nodes.
 */
export function selectionOf(type: GraphQLNamedType, depth = 0): string {
  if (isUnionType(type)) return `{ __typename ${type.getTypes().map((t) => `... on ${t.name} ${selectionOf(t, depth + 1)}`).join(" ")} }`;
  if (!isObjectType(type)) return "";
  const fields = Object.values(type.getFields()).filter((f) => f.args.length === 0);
  if (depth > 0 && fields.some((f) => f.name === "id")) return "{ id }";
  const parts: string[] = [];
  for (const f of fields) {
    const named = getNamedType(f.type);
    if (isLeafType(named)) parts.push(f.name);
    else if (depth < 2) parts.push(`${f.name} ${selectionOf(named, depth + 1)}`);
  }
  return `{ ${parts.join(" ") || "__typename"} }`;
}

/** A call: the field, its arguments as one variable each (top-level name → value). */
export interface Call {
  field: SweptField;
  args: Record<string, unknown>;
  parentArgs?: Record<string, unknown>;
}

const PAGE = 10;

/** The GraphQL document and variables of a call; a paged field is reached through its parent's root field. */
export function operationOf(schema: GraphQLSchema, call: Call): { query: string; variables: Record<string, unknown> } {
  const variables: Record<string, unknown> = {};
  const declarations: string[] = [];
  const argList = (field: GraphQLField<unknown, unknown>, values: Record<string, unknown>, prefix: string) => {
    const given = Object.entries(values).filter(([, v]) => v !== undefined);
    if (given.length === 0) return "";
    return `(${given
      .map(([name, value]) => {
        const arg = field.args.find((a) => a.name === name);
        if (!arg) throw new Error(`${field.name} has no argument "${name}"; expected one of ${field.args.map((a) => a.name).join(", ")}`);
        variables[prefix + name] = value;
        declarations.push(`$${prefix + name}: ${String(arg.type)}`);
        return `${name}: $${prefix + name}`;
      })
      .join(", ")})`;
  };
  const { field } = call;
  const args = field.paged ? { first: PAGE, ...call.args } : call.args;
  const inner = `${field.name}${argList(field.field, args, "")} ${selectionOf(getNamedType(field.field.type))}`;
  let body = inner;
  if (field.owner !== "Query") {
    const parent = parentFieldOf(schema, field.owner);
    body = `${parent.name}${argList(parent, call.parentArgs ?? {}, "parent_")} { ${inner} }`;
  }
  return { query: `query Sweep${declarations.length ? `(${declarations.join(", ")})` : ""} { ${body} }`, variables };
}

/** A readable name for a call: "Actor.coConstructors(filter.kinds)". */
export function callName(field: SweptField, filter?: FilterArg, variant?: string): string {
  return `${field.owner}.${field.name}(${filter ? filter.path.join(".") : ""}${variant ? `=${variant}` : ""})`;
}
