/** Recorded views a server keeps at once unless MAILLAGE_HISTORY_VIEWS says otherwise. */
export const DEFAULT_HISTORY_VIEWS = 3;

/** Slot 0 serves one-shot processes (the CLI); a server's slots are 1..MAILLAGE_HISTORY_VIEWS, at most this. */
export const MAX_SLOT = 8;
