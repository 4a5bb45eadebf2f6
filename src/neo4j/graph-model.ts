/**
 * Every label and relationship type Cypher may use. Queries interpolate these enums,
 * never a user string, so nothing a client sends can change a query's shape.
 *
 *   (Actor)-[:BASED_IN]->(Territory)
 *   (Actor)-[:HAS_MEMBERSHIP]->(Membership)-[:IN_ALLIANCE]->(Alliance)
 *   (Alliance)-[:ACTS_IN]->(Territory)     (Alliance)-[:CONTRIBUTES_TO]->(SDG)
 *   (Alliance)-[:PRODUCED]->(Outcome)-[:ADVANCES]->(SDG)
 *   (Outcome)-[:BENEFITS]->(Territory|Actor)
 *   (Alliance|Membership|Outcome|Actor)-[:CITES]->(Source)
 *   (Territory)-[:PART_OF]->(Territory)    commune → département → région → France;
 *                                         commune déléguée/associée, arrondissement → commune;
 *                                         EPCI → each département its members lie in
 *   (Territory)-[:IN_EPCI]->(Territory)    commune → its EPCI
 *   (SDGTarget)-[:TARGET_OF]->(SDG)
 *   (MaturityAssessment {level, assessedOn})-[:ASSESSES]->(Actor|Territory); it CITES its Source
 *   (ActorAlias {id})-[:ALIAS_OF]->(Actor)  the id of an actor merged into this one (mergeActors)
 *   (Change {seq, entity, entityId, before, after…})   unlinked: one per entity a write changed (src/history)
 *   (HistoryClock {id: "clock", seq})  (Release {name, seq, checksum})   unlinked
 *   (HistoryView {slot, seq, complete})  unlinked; slot k's copy of the versioned entities has labels and types prefixed `Hk_`
 */
export enum Label {
  Actor = "Actor",
  Alliance = "Alliance",
  Membership = "Membership",
  Outcome = "Outcome",
  Territory = "Territory",
  SDG = "SDG",
  SDGTarget = "SDGTarget",
  Source = "Source",
  MaturityAssessment = "MaturityAssessment",
  ActorAlias = "ActorAlias",
  /** History (src/history): one per entity a write changed, the clock ordering writes, named releases. */
  Change = "Change",
  HistoryClock = "HistoryClock",
  Release = "Release",
  /** A recorded view's slot (src/history/view): which seq it holds, and whether it is complete. */
  HistoryView = "HistoryView",
}

export enum Rel {
  BASED_IN = "BASED_IN",
  HAS_MEMBERSHIP = "HAS_MEMBERSHIP",
  IN_ALLIANCE = "IN_ALLIANCE",
  ACTS_IN = "ACTS_IN",
  CONTRIBUTES_TO = "CONTRIBUTES_TO",
  PRODUCED = "PRODUCED",
  ADVANCES = "ADVANCES",
  BENEFITS = "BENEFITS",
  CITES = "CITES",
  PART_OF = "PART_OF",
  IN_EPCI = "IN_EPCI",
  TARGET_OF = "TARGET_OF",
  ASSESSES = "ASSESSES",
  ALIAS_OF = "ALIAS_OF",
}
