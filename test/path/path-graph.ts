import { GraphDocument } from "../../src/seed/document";

/**
 * Two small graphs whose answers are obvious by hand. Ids start with `prefix`.
 *
 * Paths (alliance: members, kind, dates):
 *   ab, bc, cd: Alpha–Beta, Beta–Charlie, Charlie–Delta   TERRITORIAL, from 2020, act in DEPARTEMENT:94
 *   ae, ec:     Alpha–Echo, Echo–Charlie                  TERRITORIAL, from 2020 (ties with ab, bc)
 *   ad-old:     Alpha–Delta                               PHILANTHROPY, 2015–2019 (the shortcut)
 *   bd-late:    Beta (from 2020), Delta (from 2023 only)  ECONOMIC_COOPERATION, from 2020
 *   zulu:       Zulu alone
 * So Alpha → Delta: 1 hop (ad-old) with no date or in 2018; 3 hops (ab, bc, cd) in 2021;
 * 2 hops (ab, bd-late) in 2024; 3 hops when only TERRITORIAL alliances, or those acting in
 * Île-de-France, count.
 *
 * Interlocks of Papa and Quebec:
 *   pqs:    Papa, Quebec, Sierra     ps-old: Papa, Sierra (2015–2019)
 *   pr:     Papa, Romeo              qr:     Quebec, Romeo
 *   pt:     Papa, Tango (Tango shares nothing with Quebec)
 * So Sierra (2 + 1 alliances) then Romeo (1 + 1); in 2021 both have 1 + 1, so Romeo first by name.
 */
export function pathGraph(prefix: string): GraphDocument {
  const id = (name: string) => `${prefix}${name}`;
  const source = [id("src")];
  const actor = (name: string) => ({ id: id(name.toLowerCase()), name, kind: "ASSOCIATION", sourceIds: source });
  const alliance = (key: string, kind: string, startDate: string, endDate?: string, territories: string[] = []) => ({
    id: id(key),
    name: `Alliance ${key.toUpperCase()}`,
    kind,
    objectives: ["LOCAL_CO_CONSTRUCTION"],
    status: endDate ? "ENDED" : "ACTIVE",
    startDate,
    endDate,
    territories,
    sourceIds: source,
  });
  const member = (actorName: string, key: string, startDate: string, endDate?: string) => ({
    actorId: id(actorName),
    allianceId: id(key),
    role: "PARTNER",
    startDate,
    endDate,
    sourceIds: source,
  });
  const T = "TERRITORIAL_CO_CONSTRUCTION";
  return {
    sources: [{ id: id("src"), title: "Étude des chemins", publisher: "Observatoire des partenariats", date: "2024-06-01", kind: "STUDY" }],
    actors: [
      { ...actor("Alpha"), basedIn: "94028" },
      ...["Beta", "Charlie", "Delta", "Echo", "Zulu", "Papa", "Quebec", "Romeo", "Sierra", "Tango"].map(actor),
    ],
    alliances: [
      alliance("ab", T, "2020-01-01", undefined, ["DEPARTEMENT:94"]),
      alliance("bc", T, "2020-01-01", undefined, ["DEPARTEMENT:94"]),
      alliance("cd", T, "2020-01-01", undefined, ["DEPARTEMENT:94"]),
      alliance("ae", T, "2020-01-01"),
      alliance("ec", T, "2020-01-01"),
      alliance("ad-old", "PHILANTHROPY", "2015-01-01", "2019-12-31"),
      alliance("bd-late", "ECONOMIC_COOPERATION", "2020-01-01"),
      alliance("zulu", T, "2020-01-01"),
      alliance("pqs", T, "2020-01-01"),
      alliance("ps-old", T, "2015-01-01", "2019-12-31"),
      alliance("pr", T, "2020-01-01"),
      alliance("qr", T, "2020-01-01"),
      alliance("pt", T, "2020-01-01"),
    ],
    memberships: [
      member("alpha", "ab", "2020-01-01"),
      member("beta", "ab", "2020-01-01"),
      member("beta", "bc", "2020-01-01"),
      member("charlie", "bc", "2020-01-01"),
      member("charlie", "cd", "2020-01-01"),
      member("delta", "cd", "2020-01-01"),
      member("alpha", "ae", "2020-01-01"),
      member("echo", "ae", "2020-01-01"),
      member("echo", "ec", "2020-01-01"),
      member("charlie", "ec", "2020-01-01"),
      member("alpha", "ad-old", "2015-01-01", "2019-12-31"),
      member("delta", "ad-old", "2015-01-01", "2019-12-31"),
      member("beta", "bd-late", "2020-01-01"),
      member("delta", "bd-late", "2023-01-01"),
      member("zulu", "zulu", "2020-01-01"),
      member("papa", "pqs", "2020-01-01"),
      member("quebec", "pqs", "2020-01-01"),
      member("sierra", "pqs", "2020-01-01"),
      member("papa", "ps-old", "2015-01-01", "2019-12-31"),
      member("sierra", "ps-old", "2015-01-01", "2019-12-31"),
      member("papa", "pr", "2020-01-01"),
      member("romeo", "pr", "2020-01-01"),
      member("quebec", "qr", "2020-01-01"),
      member("romeo", "qr", "2020-01-01"),
      member("papa", "pt", "2020-01-01"),
      member("tango", "pt", "2020-01-01"),
    ],
    outcomes: [],
  };
}
