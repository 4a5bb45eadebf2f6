/// <reference path="./citation-js.d.ts" />
import { plugins } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import { CslItem } from "./csl";

// Citation.js would replace a key holding "-", "." or ":" (legal in BibTeX) with one made from author
// and year; ours are the source ids, made safe by citationKey, so they are used as given.
plugins.config.get("@bibtex").format.checkLabel = false;

/**
 * CSL-JSON items as BibTeX entries, written by Citation.js: non-ASCII letters as LaTeX
 * accents ({\'e}), &, %, { and } escaped, keys as given ("citation-key").
 */
export function toBibtex(items: CslItem[]): string {
  return items.length === 0 ? "" : plugins.output.format("bibtex", items, { format: "text" });
}
