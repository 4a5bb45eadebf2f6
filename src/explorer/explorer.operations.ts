/**
 * The names of the operations the explorer page (explorer/api.ts) sends: metrics label
 * them by name (see observability/metrics.ts). test/observability checks the two lists agree.
 */
export const EXPLORER_OPERATIONS: ReadonlySet<string> = new Set([
  "ExplorerSearch",
  "ExplorerTerritorySeeds",
  "ExplorerNetwork",
  "ExplorerAnalytics",
  "ExplorerActor",
  "ExplorerSdgs",
]);
