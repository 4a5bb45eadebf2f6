import { toBibtex } from "./bibtex";
import { CslItem, SourceRow, toCsl } from "./csl";

/** Writes sources a page at a time: what comes before the first page, each page, what comes after the last. */
export interface CitationWriter {
  start(): string;
  page(sources: SourceRow[]): string;
  end(): string;
}

/** A CSL-JSON array, one item per source, indented as JSON.stringify(items, null, 2) would be. */
export class CslJsonWriter implements CitationWriter {
  private written = 0;

  start(): string {
    return "[";
  }

  page(sources: SourceRow[]): string {
    return sources.map((source) => `${this.written++ > 0 ? "," : ""}\n  ${indent(toCsl(source))}`).join("");
  }

  end(): string {
    return this.written > 0 ? "\n]\n" : "]\n";
  }
}

/** BibTeX entries (Citation.js), one per source, keyed by the source's id. */
export class BibtexWriter implements CitationWriter {
  start(): string {
    return "";
  }

  page(sources: SourceRow[]): string {
    return toBibtex(sources.map(toCsl));
  }

  end(): string {
    return "";
  }
}

const indent = (item: CslItem) => JSON.stringify(item, null, 2).replace(/\n/g, "\n  ");
