// The API's bounds the explorer asks within (src/network/network.args.ts; test/explorer checks they match).
/** Largest `maxNodes` the network query accepts. */
export const MAX_NODES = 2000;
/** Deepest `depth` the network query accepts. */
export const MAX_DEPTH = 3;
/** Most seeds one network query takes. */
export const MAX_SEEDS = 50;
/** The network's first `maxNodes`; "show more" doubles it up to MAX_NODES. */
export const DEFAULT_MAX_NODES = 500;
