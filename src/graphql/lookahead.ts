import { ASTNode, BREAK, getNamedType, GraphQLResolveInfo, isAbstractType, isObjectType, TypeInfo, visit, visitWithTypeInfo } from "graphql";
import { parseResolveInfo, ResolveTree } from "graphql-parse-resolve-info";

export type { ResolveTree };

/**
 * What is asked under the field being resolved, from graphql-parse-resolve-info: fragments
 * merged, @include/@skip applied, each sub-field under its response name with its argument
 * values (variables and defaults applied, as its resolver will get them).
 */
export function selection(info: GraphQLResolveInfo): ResolveTree | null {
  return (parseResolveInfo(info) as ResolveTree | null | undefined) ?? null;
}

/** The sub-fields of `tree` named `name`, one per response name (alias), whatever the fragment's type. */
export function fieldsNamed(tree: ResolveTree | null, name: string): ResolveTree[] {
  if (!tree) return [];
  return Object.values(tree.fieldsByTypeName).flatMap((fields) => Object.values(fields).filter((field) => field.name === name));
}

/**
 * The sub-field along a path of names: `path(selection(info), "edges", "node")`. Null when a
 * step is not asked, or asked under several response names (aliases with other arguments).
 */
export function path(tree: ResolveTree | null, ...names: string[]): ResolveTree | null {
  return names.reduce<ResolveTree | null>((at, name) => {
    const found = fieldsNamed(at, name);
    return found.length === 1 ? found[0] : null;
  }, tree);
}

/** Whether `tree` asks for the sub-field `name` (a leaf too). */
export const selects = (tree: ResolveTree | null, name: string): boolean => fieldsNamed(tree, name).length > 0;

/**
 * Whether the selection under the field being resolved depends on variables through
 * @include/@skip: a hot path that fetches ahead then stands aside, and fields load one by
 * one (the prefetch test compares both paths this way).
 */
export function conditional(info: GraphQLResolveInfo): boolean {
  let found = false;
  const seen = new Set<string>();
  const look = (node: ASTNode | undefined) =>
    node &&
    visit(node, {
      Directive(directive) {
        if (directive.name.value !== "include" && directive.name.value !== "skip") return undefined;
        found = true;
        return BREAK;
      },
      FragmentSpread(spread) {
        const name = spread.name.value;
        if (seen.has(name)) return;
        seen.add(name);
        look(info.fragments[name]);
      },
    });
  for (const node of info.fieldNodes) look(node.selectionSet);
  return found;
}

/**
 * Every field name asked of each object type anywhere under the field being resolved. Null
 * when the selection goes through an interface or a union, whose fields it cannot attribute:
 * a caller then fetches everything. Usage: `fieldsByType(info)?.get("Actor")`.
 */
export function fieldsByType(info: GraphQLResolveInfo): Map<string, Set<string>> | null {
  const found = new Map<string, Set<string>>();
  const visitTree = (tree: ResolveTree): boolean =>
    Object.entries(tree.fieldsByTypeName).every(([typeName, fields]) => {
      const names = Object.values(fields);
      if (names.length === 0) return true;
      if (!isObjectType(info.schema.getType(typeName))) return false;
      for (const field of names) found.set(typeName, (found.get(typeName) ?? new Set()).add(field.name));
      return names.every(visitTree);
    });
  const tree = selection(info);
  return !tree || visitTree(tree) ? found : null;
}

/**
 * Every field name asked of type `typeName` anywhere in the operation (fragments included,
 * @include/@skip ignored: a field that may be asked counts). What values primed into a
 * request's loaders must carry: any field of the request may read them, not only the one
 * that fetched them. Null when the operation goes through an interface or a union, whose
 * fields it cannot attribute: the caller then fetches everything.
 */
export function fieldsAskedOf(info: GraphQLResolveInfo, typeName: string): Set<string> | null {
  const asked = new Set<string>();
  const typeInfo = new TypeInfo(info.schema);
  let abstract = false;
  const collect = visitWithTypeInfo(typeInfo, {
    Field(node) {
      const parent = typeInfo.getParentType();
      const type = typeInfo.getType();
      if ((parent && isAbstractType(parent)) || (type && isAbstractType(getNamedType(type)))) abstract = true;
      if (parent?.name === typeName) asked.add(node.name.value);
    },
  });
  visit(info.operation, collect);
  for (const fragment of Object.values(info.fragments)) visit(fragment, collect);
  return abstract ? null : asked;
}
