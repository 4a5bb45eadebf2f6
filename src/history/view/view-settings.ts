/** Recorded views a server keeps at once unless MAILLAGE_HISTORY_VIEWS says otherwise. */
export const DEFAULT_HISTORY_VIEWS = 3;

/** Slot 0 serves one-shot processes (the CLI); a server's slots are 1..MAILLAGE_HISTORY_VIEWS, at most this. */
export const MAX_SLOT = 8;

/** Cypher predicate: node `x` belongs to some view (its labels are a slot's, `H<n>_…`), so backups leave it out. */
export const IS_VIEW_NODE = (x: string) => `any(viewLabel IN labels(${x}) WHERE viewLabel =~ 'H[0-9]_.*')`;
