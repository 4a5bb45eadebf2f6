// The parts of Citation.js (no types of its own) that Maillage uses.
declare module "@citation-js/core" {
  export const plugins: {
    output: { format(name: string, data: object[], options?: object): string };
    config: { get(ref: string): any };
  };
  export class Cite {
    constructor(data: unknown, options?: object);
    data: Record<string, any>[];
    format(name: string, options?: object): string;
  }
}
declare module "@citation-js/plugin-bibtex";
declare module "@citation-js/plugin-csl";
