import { GraphQLResolveInfo, isEnumType } from "graphql";

/**
 * Fills each item's label with the description of its enum value in the schema (the French
 * words of src/common/enums.ts), so the words are written once. Values with none keep theirs.
 * The value is `key` (Count) unless `valueOf` says where else to read it.
 */
export function labelled<T extends { label?: string | null }>(
  items: T[],
  info: GraphQLResolveInfo,
  enumName: string,
  valueOf: (item: T) => string = (item) => (item as T & { key: string }).key,
): T[] {
  const type = info.schema.getType(enumName);
  if (!isEnumType(type)) return items;
  return items.map((item) => ({ ...item, label: item.label ?? type.getValue(valueOf(item))?.description ?? null }));
}
