import { ENTITIES, Entity } from "./entities";
import { describeByte, firstNonUtf8, strictUtf8, utf16Mark } from "./decode";
import { ImportFileError, ImportRow } from "./rows";
import { jsonErrorAt } from "./json-error";

const SAVE_AS_UTF8 = "JSON must be UTF-8 (RFC 8259): save it as UTF-8";

/** The text of a JSON file: UTF-8 only (a BOM allowed); otherwise refused, naming the first byte that is not. */
export function decodeJson(file: string, bytes: Uint8Array): string {
  const text = strictUtf8(bytes);
  if (text !== undefined) return text;
  const mark = utf16Mark(bytes);
  if (mark) throw new ImportFileError(file, `is ${mark}, not UTF-8; ${SAVE_AS_UTF8}`);
  throw new ImportFileError(file, `is not UTF-8: ${describeByte(firstNonUtf8(bytes)!)} is not valid UTF-8; ${SAVE_AS_UTF8}`);
}

/**
 * Rows of a JSON import document (`{ sources: [...], actors: [...], ... }`), each with its
 * JSON pointer. A file that is not such a document is an ImportFileError; bad rows are not
 * (validation reports them).
 */
export function readJsonRows(file: string, text: string): ImportRow[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new ImportFileError(file, `is not valid JSON: ${jsonErrorAt(text)}`);
  }
  return documentRows(file, doc);
}


/** Rows of an import document already parsed (the seed's demo graph), named after `file`. */
export function documentRows(file: string, doc: unknown): ImportRow[] {
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
    throw new ImportFileError(file, `must hold one object with the sections ${ENTITIES.join(", ")}`);
  }
  const unknown = Object.keys(doc).filter((key) => !ENTITIES.includes(key as Entity) && key !== "$schema");
  if (unknown.length > 0) {
    throw new ImportFileError(file, `unknown section(s) ${unknown.join(", ")}; expected ${ENTITIES.join(", ")}`);
  }
  const rows: ImportRow[] = [];
  for (const entity of ENTITIES) {
    const section = (doc as Record<string, unknown>)[entity];
    if (section === undefined) continue;
    if (!Array.isArray(section)) throw new ImportFileError(file, `/${entity} must be an array of rows`);
    section.forEach((data, index) => {
      const row = typeof data === "object" && data !== null && !Array.isArray(data) ? data : { __notObject: data };
      rows.push({ entity, data: row as Record<string, any>, origin: { file, pointer: `/${entity}/${index}` } });
    });
  }
  return rows;
}
