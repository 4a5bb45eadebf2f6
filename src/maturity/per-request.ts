import type { Context } from "../graphql/context";

/**
 * Loaders that live as long as one request, without a place in `Context.loaders`.
 *
 * Why: loaders must be per request (a loader shared between requests would batch and
 * leak across them), and the context object is exactly one per request. Keying a
 * WeakMap by it builds this module's loaders on first use in a request, reuses them for
 * the rest of it, and lets them be garbage-collected with the context — without editing
 * graphql/context.ts. If context.ts later spreads these factories into `loaders`, the
 * helper can go.
 *
 * Usage: `const provenanceLoaders = perRequest((ctx) => createProvenanceLoaders(ctx.repos.provenance));`
 */
export function perRequest<L extends object>(create: (ctx: Context) => L): (ctx: Context) => L {
  const byContext = new WeakMap<Context, L>();
  return (ctx) => {
    let loaders = byContext.get(ctx);
    if (!loaders) {
      loaders = create(ctx);
      byContext.set(ctx, loaders);
    }
    return loaders;
  };
}
