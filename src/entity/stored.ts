import { FieldDecl, fieldsOf, Link } from "./field";

/** A field as files and nodes hold it: a nested field's own fields are flat, named with its name as prefix. */
export interface FlatField {
  /** CSV column and stored property name ("indicatorUnit"). */
  name: string;
  /** Where the input holds it: ["name"] or ["indicator", "unit"]. */
  path: string[];
  decl: FieldDecl;
}

const capitalised = (name: string) => name[0].toUpperCase() + name.slice(1);

/** Every field of an input class, flat, in declaration order: the CSV columns. */
export function flatFields(Input: Function): FlatField[] {
  return fieldsOf(Input).flatMap((decl) =>
    decl.kind.nested
      ? fieldsOf(decl.kind.nested).map((sub) => ({ name: `${decl.name}${capitalised(sub.name)}`, path: [decl.name, sub.name], decl: sub }))
      : [{ name: decl.name, path: [decl.name], decl }],
  );
}

/** The fields stored as node properties (neither the key nor links nor derived). */
export const storedProperties = (Input: Function): FlatField[] =>
  flatFields(Input).filter(({ path }) => {
    const top = fieldsOf(Input).find((decl) => decl.name === path[0])!;
    return !top.key && !top.links && !top.derived;
  });

/** A link as the write and export queries use it: its field, its row parameter, one key or a list. */
export interface StoredLink extends Required<Pick<Link, "rel" | "target" | "keyProperty">> {
  incoming: boolean;
  when?: Link["when"];
  field: string;
  /** The key list's name in a write row ("sourceIdsSource"). */
  param: string;
  many: boolean;
}

export function storedLinks(Input: Function): StoredLink[] {
  return fieldsOf(Input).flatMap((decl) =>
    (decl.links ?? []).map((link) => ({
      rel: link.rel, target: link.target, keyProperty: link.keyProperty ?? "id", incoming: link.incoming ?? false, when: link.when,
      field: decl.name, param: `${decl.name}${link.target}`, many: decl.kind.list ?? false,
    })),
  );
}

/** The value at `path` in a row. */
export const valueAt = (row: Record<string, any>, path: string[]): any => path.reduce<any>((object, part) => object?.[part], row);
