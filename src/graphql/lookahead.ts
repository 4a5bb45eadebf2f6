import { FieldNode, getNamedType, GraphQLNamedType, GraphQLObjectType, GraphQLResolveInfo, isObjectType, Kind, SelectionSetNode } from "graphql";
import { getArgumentValues } from "graphql/execution/values";

/** A field of the request seen from a resolver above it: its nodes, its object type and its argument values. */
export interface Lookahead {
  nodes: readonly FieldNode[];
  type: GraphQLObjectType;
  args: Record<string, unknown>;
}

/** The field being resolved, as a starting point for `child`. */
export function current(info: GraphQLResolveInfo): Lookahead | null {
  const type = getNamedType(info.returnType);
  return isObjectType(type) ? { nodes: info.fieldNodes, type, args: {} } : null;
}

/**
 * The fields selected directly on `nodes`, looking through inline fragments and fragment
 * spreads; `conditional` when the field or a fragment around it carries a directive
 * (@include/@skip), so whether it runs depends on variables.
 */
function* selectedFields(
  info: GraphQLResolveInfo,
  nodes: readonly FieldNode[],
): Generator<{ field: FieldNode; conditional: boolean }> {
  function* walk(set: SelectionSetNode | undefined, conditional: boolean, seen: ReadonlySet<string>): Generator<{ field: FieldNode; conditional: boolean }> {
    for (const selection of set?.selections ?? []) {
      const here = conditional || Boolean(selection.directives?.length);
      if (selection.kind === Kind.FIELD) yield { field: selection, conditional: here };
      else if (selection.kind === Kind.INLINE_FRAGMENT) yield* walk(selection.selectionSet, here, seen);
      else if (!seen.has(selection.name.value)) {
        yield* walk(info.fragments[selection.name.value]?.selectionSet, here, new Set([...seen, selection.name.value]));
      }
    }
  }
  for (const node of nodes) yield* walk(node.selectionSet, false, new Set());
}

/**
 * The sub-field `name` of `parent` (looking through fragments), with its argument values
 * (variables and defaults applied, as the resolver will get them). Null when it is not
 * asked, asked under several response names (aliases with different arguments), or only
 * conditionally (@include/@skip): a hot path then simply does not fetch ahead.
 */
export function child(info: GraphQLResolveInfo, parent: Lookahead | null, name: string): Lookahead | null {
  if (!parent) return null;
  const definition = parent.type.getFields()[name];
  const type = definition && getNamedType(definition.type);
  if (!definition || !isObjectType(type)) return null;
  const found = new Map<string, FieldNode[]>();
  for (const { field, conditional } of selectedFields(info, parent.nodes)) {
    if (field.name.value !== name) continue;
    if (conditional) return null;
    const key = field.alias?.value ?? name;
    found.set(key, [...(found.get(key) ?? []), field]);
  }
  if (found.size !== 1) return null;
  const [nodes] = [...found.values()];
  return { nodes, type, args: getArgumentValues(definition, nodes[0], info.variableValues) };
}

/**
 * Whether any selection of `parent` names the field `name` (a leaf too), through fragments and
 * whatever its directives: for leaving out data nobody can ask for, erring on fetching it.
 */
export function selects(info: GraphQLResolveInfo, parent: Lookahead | null, name: string): boolean {
  if (!parent) return false;
  for (const { field } of selectedFields(info, parent.nodes)) if (field.name.value === name) return true;
  return false;
}

/** `child` along a path of field names: `path(info, current(info), "edges", "node")`. */
export function path(info: GraphQLResolveInfo, from: Lookahead | null, ...names: string[]): Lookahead | null {
  return names.reduce((at, name) => child(info, at, name), from);
}

/**
 * Every field name asked of each object type anywhere under the field being resolved, through
 * fragments, aliases and directives (a superset: a conditional field counts as asked). Null
 * when the selection goes through an interface or a union, whose fields it cannot attribute:
 * a caller then fetches everything. Usage: `fieldsByType(info)?.get("Actor")`.
 */
export function fieldsByType(info: GraphQLResolveInfo): Map<string, Set<string>> | null {
  const found = new Map<string, Set<string>>();
  let abstract = false;
  const visit = (type: GraphQLNamedType, set: SelectionSetNode | undefined, seen: Set<string>) => {
    if (!set) return;
    if (!isObjectType(type)) {
      abstract = true;
      return;
    }
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name.startsWith("__")) continue;
        found.set(type.name, (found.get(type.name) ?? new Set()).add(name));
        const definition = type.getFields()[name];
        if (definition && selection.selectionSet) visit(getNamedType(definition.type), selection.selectionSet, seen);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? info.schema.getType(selection.typeCondition.name.value) : type;
        if (condition) visit(condition, selection.selectionSet, seen);
      } else if (!seen.has(selection.name.value)) {
        const fragment = info.fragments[selection.name.value];
        const condition = fragment && info.schema.getType(fragment.typeCondition.name.value);
        if (condition) visit(condition, fragment.selectionSet, new Set([...seen, selection.name.value]));
      }
    }
  };
  const root = getNamedType(info.returnType);
  for (const node of info.fieldNodes) visit(root, node.selectionSet, new Set());
  return abstract ? null : found;
}
