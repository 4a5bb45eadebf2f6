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
  let conditional = false;
  const visit = (set: SelectionSetNode | undefined, seen: Set<string>) => {
    for (const selection of set?.selections ?? []) {
      if (selection.directives?.length) conditional = true;
      if (selection.kind === Kind.FIELD && selection.name.value === name) {
        const key = selection.alias?.value ?? name;
        found.set(key, [...(found.get(key) ?? []), selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet, seen);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD && !seen.has(selection.name.value)) {
        visit(info.fragments[selection.name.value]?.selectionSet, new Set([...seen, selection.name.value]));
      }
    }
  };
  for (const node of parent.nodes) visit(node.selectionSet, new Set());
  if (conditional || found.size !== 1) return null;
  const [nodes] = [...found.values()];
  return { nodes, type, args: getArgumentValues(definition, nodes[0], info.variableValues) };
}

/**
 * Whether any selection of `parent` names the field `name` (a leaf too), through fragments and
 * whatever its directives: for leaving out data nobody can ask for, erring on fetching it.
 */
export function selects(info: GraphQLResolveInfo, parent: Lookahead | null, name: string): boolean {
  const visit = (set: SelectionSetNode | undefined, seen: Set<string>): boolean =>
    (set?.selections ?? []).some((selection) => {
      if (selection.kind === Kind.FIELD) return selection.name.value === name;
      if (selection.kind === Kind.INLINE_FRAGMENT) return visit(selection.selectionSet, seen);
      const fragment = selection.name.value;
      return !seen.has(fragment) && visit(info.fragments[fragment]?.selectionSet, new Set([...seen, fragment]));
    });
  return parent !== null && parent.nodes.some((node) => visit(node.selectionSet, new Set()));
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
