import { AllianceFilterParams } from "./alliance-filter";

/** What an alliance list covers, as its Cypher receives it: the filter (territory resolved) and the date. */
export interface AllianceScope {
  filter: AllianceFilterParams;
  at: unknown;
}
