import { SourceKind } from "../common/enums";
import { SourceInput } from "../source/source.input";

/** A name as CSL-JSON writes it: a person's family and given names, or an organisation's whole name. */
export type CslName = { family: string; given?: string } | { literal: string };

/** A date as CSL-JSON writes it. */
export interface CslDate {
  "date-parts": [[number, number?, number?]];
}

/** One entry of a CSL-JSON bibliography (https://citationstyles.org/: the input of citeproc-js, Zotero, pandoc). */
export interface CslItem {
  id: string;
  "citation-key": string;
  type: string;
  title: string;
  author?: CslName[];
  publisher?: string;
  issued?: CslDate;
  URL?: string;
  DOI?: string;
  page?: string;
  license?: string;
  accessed?: CslDate;
}

/**
 * The CSL type of each kind of source; Citation.js derives the BibTeX entry type from it
 * (report → @techreport, article-journal → @article, the others → @misc).
 */
export const CSL_TYPES: Record<SourceKind, string> = {
  // A study is published by an observatory or a network, as a report.
  [SourceKind.STUDY]: "report",
  // An action-research programme's result is its report.
  [SourceKind.ACTION_RESEARCH]: "report",
  [SourceKind.ARTICLE]: "article-journal",
  // A talk or a session at an event (CSL 1.0.1's type for them, which every style knows).
  [SourceKind.EVENT]: "speech",
  // A register (RNA, SIRENE) is data, cited as a dataset.
  [SourceKind.OFFICIAL_REGISTER]: "dataset",
  [SourceKind.OTHER]: "document",
};

/** A source as the export reads it: its input's fields (src/source/source.input.ts). */
export type SourceRow = SourceInput & { id: string };

/**
 * A BibTeX key from a source id: ids are letters, digits and . _ ~ : - already; "~" (LaTeX's
 * non-breaking space, which breaks \cite) becomes "+", which no id holds, so keys stay distinct
 * and the same source always has the same key.
 */
export const citationKey = (id: string): string => id.replace(/~/g, "+");

/** "Dupré, Élise" → family and given names; a name without a comma is an organisation's, kept whole. */
export function cslName(author: string): CslName {
  const comma = author.indexOf(",");
  if (comma < 0) return { literal: author.trim() };
  const family = author.slice(0, comma).trim();
  const given = author.slice(comma + 1).trim();
  return given ? { family, given } : { family };
}

/** "2022-03-10" → { "date-parts": [[2022, 3, 10]] }. */
export function cslDate(date: string): CslDate {
  const [year, month, day] = date.split("-").map(Number);
  return { "date-parts": [[year, month, day]] };
}

/** A source as a CSL-JSON item: its id, the type of its kind, and each field it has. */
export function toCsl(source: SourceRow): CslItem {
  const item: CslItem = { id: source.id, "citation-key": citationKey(source.id), type: CSL_TYPES[source.kind], title: source.title };
  if (source.authors?.length) item.author = source.authors.map(cslName);
  if (source.publisher) item.publisher = source.publisher;
  if (source.date) item.issued = cslDate(source.date);
  if (source.url) item.URL = source.url;
  if (source.doi) item.DOI = source.doi;
  if (source.pages) item.page = source.pages;
  if (source.licence) item.license = source.licence;
  if (source.accessedOn) item.accessed = cslDate(source.accessedOn);
  return item;
}
