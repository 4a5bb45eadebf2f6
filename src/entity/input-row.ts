import { fieldsOf } from "./field";
import { flatFields, storedLinks } from "./stored";

/**
 * Cypher map of node `n` as its input class has it, from the input's fields: properties,
 * each link field as its keys (one, or a list), derived fields by their expression, nested
 * fields flat (toInputRow nests them). What export writes, and what a patch is laid over.
 */
export function INPUT_ROW(Input: Function, n: string): string {
  const links = storedLinks(Input);
  const entries = fieldsOf(Input).flatMap((decl) => {
    if (decl.derived) return [`${decl.name}: ${decl.derived(n)}`];
    const own = links.filter((link) => link.field === decl.name);
    if (own.length > 0) {
      const keys = own
        .map(({ rel, target, keyProperty, incoming }) => `[(${n})${incoming ? "<-" : "-"}[:${rel}]${incoming ? "-" : "->"}(x:${target}) | x.${keyProperty}]`)
        .join(" + ");
      return [`${decl.name}: ${decl.kind.list ? keys : `head(${keys})`}`];
    }
    return flatFields(Input).filter((f) => f.path[0] === decl.name).map((f) => `.${f.name}`);
  });
  return `${n} {${entries.join(", ")}}`;
}

const sorted = <T>(values: T[]): T[] => [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/**
 * A row of INPUT_ROW as the input has it: fields in declaration order, nested fields nested
 * (null when all their parts are), lists sorted (unless `ordered`), absent optional fields (and empty optional
 * lists) left out, so the same node always gives the same text.
 */
export function toInputRow(Input: Function, row: Record<string, any>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const decl of fieldsOf(Input)) {
    let value = row[decl.name];
    if (decl.kind.nested) {
      const parts = flatFields(Input).filter((f) => f.path[0] === decl.name && row[f.name] != null);
      value = parts.length === 0 ? null : Object.fromEntries(parts.map((f) => [f.path[1], row[f.name]]));
    }
    if (Array.isArray(value)) value = decl.optional && value.length === 0 ? null : decl.ordered ? value : sorted(value);
    if (value != null) out[decl.name] = value;
  }
  return out;
}
