import { GraphQLResolveInfo, isEnumType } from "graphql";
import { Count } from "./statistics.type";

/**
 * Fills each count's label with the description of its enum value in the schema (the French
 * words of src/common/enums.ts), so the words are written once. Values with none keep theirs.
 */
export function labelled(counts: Count[], info: GraphQLResolveInfo, enumName: string): Count[] {
  const type = info.schema.getType(enumName);
  if (!isEnumType(type)) return counts;
  return counts.map((count) => ({ ...count, label: count.label ?? type.getValue(count.key)?.description ?? null }));
}
