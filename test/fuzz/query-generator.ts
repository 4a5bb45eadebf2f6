import fc from "fast-check";
import {
  GraphQLArgument,
  GraphQLInputType,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLSchema,
  getNamedType,
  getNullableType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
} from "graphql";

/** Draws a value from an arbitrary (fast-check's `fc.gen()` draw function). */
export type Draw = fc.GeneratorValue;

/** Values the seeded data answers to, so random queries reach real rows and not only "not found". */
export interface KnownValues {
  ids: string[];
  territories: string[];
}

/**
 * Random valid queries over the Query type of a schema: random root fields, arguments of the
 * right types (mostly values the data knows, sometimes out-of-range ones the server must
 * refuse with a code), random sub-selections down to `maxDepth`, small page sizes.
 */
export class QueryGenerator {
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly known: KnownValues,
    private readonly maxDepth = 4,
  ) {}

  /** One query document with 1–3 aliased root fields. */
  query(g: Draw): string {
    const root = this.schema.getQueryType()!;
    const fields = Object.values(root.getFields()).filter((f) => !f.name.startsWith("__"));
    const count = g(fc.integer, { min: 1, max: 3 });
    const selections = Array.from({ length: count }, (_, i) => {
      const field = fields[g(fc.integer, { min: 0, max: fields.length - 1 })];
      return `r${i}: ${field.name}${this.args(g, field.args)}${this.subSelection(g, getNamedType(field.type), 1)}`;
    });
    return `query Fuzz { ${selections.join(" ")} }`;
  }

  private subSelection(g: Draw, type: GraphQLNamedType, depth: number): string {
    if (isLeafType(type)) return "";
    if (isAbstractType(type)) {
      const possible = this.schema.getPossibleTypes(type);
      const chosen = possible[g(fc.integer, { min: 0, max: possible.length - 1 })];
      return ` { __typename ... on ${chosen.name}${this.selection(g, chosen, depth)} }`;
    }
    return this.selection(g, type as GraphQLObjectType, depth);
  }

  private selection(g: Draw, type: GraphQLObjectType, depth: number): string {
    const fields = Object.values(type.getFields());
    const leaves = fields.filter((f) => isLeafType(getNamedType(f.type)) && !f.args.some((a) => isNonNullType(a.type)));
    // At the depth limit only leaves; __typename keeps a selection valid when a type has none.
    const candidates = depth >= this.maxDepth ? leaves : fields;
    if (candidates.length === 0) return " { __typename }";
    const count = g(fc.integer, { min: 1, max: Math.min(4, candidates.length) });
    const picked = new Set<number>();
    for (let i = 0; i < count; i++) picked.add(g(fc.integer, { min: 0, max: candidates.length - 1 }));
    const parts = [...picked].map((index) => {
      const field = candidates[index];
      return `${field.name}${this.args(g, field.args)}${this.subSelection(g, getNamedType(field.type), depth + 1)}`;
    });
    return ` { ${parts.join(" ")} }`;
  }

  private args(g: Draw, args: readonly GraphQLArgument[]): string {
    const given = args.filter((a) => (isNonNullType(a.type) && a.defaultValue === undefined) || g(fc.boolean));
    if (given.length === 0) return "";
    return `(${given.map((a) => `${a.name}: ${this.value(g, a.name, a.type, 0)}`).join(", ")})`;
  }

  /** A literal for an argument or input field; the name steers it towards values the server knows. */
  private value(g: Draw, name: string, type: GraphQLInputType, depth: number): string {
    if (!isNonNullType(type) && depth > 0 && g(fc.integer, { min: 0, max: 9 }) === 0) return "null";
    const inner = getNullableType(type) as GraphQLInputType;
    if (isListType(inner)) {
      const length = g(fc.integer, { min: 0, max: 2 });
      return `[${Array.from({ length }, () => this.value(g, name, inner.ofType, depth + 1)).join(", ")}]`;
    }
    if (isEnumType(inner)) {
      const values = inner.getValues();
      return values[g(fc.integer, { min: 0, max: values.length - 1 })].name;
    }
    if (isInputObjectType(inner)) {
      if (depth > 2) return "{}";
      const fields = Object.values(inner.getFields()).filter((f) => isNonNullType(f.type) || g(fc.boolean));
      return `{ ${fields.map((f) => `${f.name}: ${this.value(g, f.name, f.type, depth + 1)}`).join(", ")} }`;
    }
    if (isScalarType(inner)) return this.scalar(g, name, inner.name);
    throw new Error(`unexpected input type ${String(inner)}`);
  }

  private scalar(g: Draw, name: string, scalar: string): string {
    const pick = (values: readonly string[]) => JSON.stringify(values[g(fc.integer, { min: 0, max: values.length - 1 })]);
    switch (scalar) {
      case "Int":
        // Page sizes, depths, hops and SDG numbers: mostly in range, sometimes just outside.
        return String(g(() => fc.oneof(fc.integer({ min: 1, max: 5 }), fc.integer({ min: -2, max: 120 }))));
      case "Float":
        return String(g(fc.double, { min: -10, max: 10, noNaN: true, noDefaultInfinity: true }));
      case "Boolean":
        return String(g(fc.boolean));
      case "LocalDate":
        return pick(["2020-01-01", "2022-03-10", "2024-12-31", "1999-02-28"]);
      case "ID":
        return pick(this.known.ids);
      case "String":
        if (/territor|within|code|basedIn/i.test(name)) return pick(this.known.territories);
        if (/after|before|cursor/i.test(name)) return pick(["", "bm90LWEtY3Vyc29y", "eyJrIjpbMV19"]);
        if (/id/i.test(name)) return pick(this.known.ids);
        return pick(["a", "chaire", "alliance", "Créteil", "ramea", "x"]);
      default:
        // JSON and any later custom scalar: the simplest value.
        return "{}";
    }
  }
}

