/// <reference path="./citation-js.d.ts" />
import { registerEnumType } from "type-graphql";
import { plugins } from "@citation-js/core";
import "@citation-js/plugin-csl";
import { toBibtex } from "./bibtex";
import { CslItem } from "./csl";

/** How one source is written: a reference in a citation style (citeproc-js), or a BibTeX entry, or a CSL-JSON item. */
export enum CitationStyle {
  APA = "APA",
  HARVARD = "HARVARD",
  VANCOUVER = "VANCOUVER",
  BIBTEX = "BIBTEX",
  CSL_JSON = "CSL_JSON",
}

/** The language of a reference's words ("Retrieved from", "n.d.", month names). */
export enum CitationLocale {
  EN_US = "EN_US",
  FR_FR = "FR_FR",
}

registerEnumType(CitationStyle, { name: "CitationStyle", description: "A citation style (APA 7, Harvard, Vancouver), or BibTeX, or CSL-JSON" });
registerEnumType(CitationLocale, { name: "CitationLocale", description: "The language of a formatted reference" });

// The CSL styles @citation-js/plugin-csl bundles (no download).
const TEMPLATES = { [CitationStyle.APA]: "apa", [CitationStyle.HARVARD]: "harvard1", [CitationStyle.VANCOUVER]: "vancouver" } as const;
const LANGS: Record<CitationLocale, string> = { [CitationLocale.EN_US]: "en-US", [CitationLocale.FR_FR]: "fr-FR" };

/**
 * One CSL item written in `style`: a reference as plain text (citeproc-js; its engine is kept per
 * style and language, so a reference costs a few milliseconds), a BibTeX entry, or CSL-JSON.
 */
export function formatReference(item: CslItem, style: CitationStyle, locale: CitationLocale = CitationLocale.EN_US): string {
  if (style === CitationStyle.BIBTEX) return toBibtex([item]).trim();
  if (style === CitationStyle.CSL_JSON) return JSON.stringify(item);
  return plugins.output.format("bibliography", [item], { template: TEMPLATES[style], lang: LANGS[locale], format: "text" }).trim();
}
