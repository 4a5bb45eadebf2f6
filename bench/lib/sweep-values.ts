import { getNamedType, GraphQLArgument, GraphQLInputType, isEnumType, isListType, isNonNullType } from "graphql";
import { Executor } from "../../src/neo4j/executor";
import { Label, Rel } from "../../src/neo4j/graph-model";
import { FilterArg, SweptField } from "./sweep-fields";

/** Values picked from the graph for the sweep's arguments (ids, kinds, a date, a territory per level). */
export interface Samples {
  /** The actor with most memberships: the parent of Actor's paged fields. */
  hub: string;
  /** The actor sharing most alliances with the hub. */
  partner: string;
  /** The median actor by memberships. */
  median: string;
  /** The median alliance by member count: the parent of Alliance's paged fields. */
  alliance: string;
  /** A median id of each other label (Outcome, Source, Membership…), for `id` arguments. */
  ids: Record<string, string>;
  /** A commune where alliances act, and its EPCI, département and région. */
  territories: { level: string; id: string; name: string }[];
  /** The median alliance start date. */
  date: string;
  /** The SDG fewest alliances contribute to. */
  sdg: number;
  /** Per enum type stored on a node: its least frequent value present (the narrowest filter). */
  enums: Record<string, string>;
  actorPrefix: string;
  word: string;
}

// Where each enum's values are stored; an enum not listed takes ENUM_DEFAULTS or its first value.
const ENUM_STORE: Record<string, { label: Label; property: string; list?: boolean }> = {
  ActorKind: { label: Label.Actor, property: "kind" },
  AllianceKind: { label: Label.Alliance, property: "kind" },
  AllianceStatus: { label: Label.Alliance, property: "status" },
  AllianceObjective: { label: Label.Alliance, property: "objectives", list: true },
  OutcomeKind: { label: Label.Outcome, property: "kind" },
  MembershipRole: { label: Label.Membership, property: "role" },
  MaturityLevel: { label: Label.MaturityAssessment, property: "level" },
  SourceKind: { label: Label.Source, property: "kind" },
};
// The most numerous level (the largest answers); territories, which every maturity argument (`level`, `within`) applies to.
const ENUM_DEFAULTS: Record<string, string> = { TerritoryLevel: "COMMUNE", MaturitySubjectType: "TERRITORY", SearchKind: "ACTOR", FactKind: "ACTOR" };
const ID_LABELS = [Label.Outcome, Label.Source, Label.Membership, Label.MaturityAssessment];
export const TERRITORY_LEVELS = ["REGION", "DEPARTEMENT", "EPCI", "COMMUNE"];

const one = async (ex: Executor, cypher: string, params = {}) => {
  const [row] = await ex.read(cypher, params);
  if (!row) throw new Error(`the sweep found no data for: ${cypher.split("\n")[0]}…; is the graph loaded?`);
  return row;
};

export async function pickSamples(ex: Executor): Promise<Samples> {
  const { Actor, Alliance, Membership, Territory, SDG } = Label;
  const { HAS_MEMBERSHIP, IN_ALLIANCE, ACTS_IN, CONTRIBUTES_TO, PART_OF, IN_EPCI } = Rel;
  const hub = await one(ex, `MATCH (a:${Actor})-[:${HAS_MEMBERSHIP}]->(m:${Membership}) WITH a, count(m) AS n ORDER BY n DESC, a.id LIMIT 1 RETURN a.id AS id, a.name AS name`);
  const { partner } = await one(ex, `MATCH (:${Actor} {id: $hub})-[:${HAS_MEMBERSHIP}]->(:${Membership})-[:${IN_ALLIANCE}]->(al:${Alliance})<-[:${IN_ALLIANCE}]-(:${Membership})<-[:${HAS_MEMBERSHIP}]-(b:${Actor})
WHERE b.id <> $hub WITH b, count(DISTINCT al) AS n ORDER BY n DESC, b.id LIMIT 1 RETURN b.id AS partner`, { hub: hub.id });
  const median = await one(ex, `MATCH (a:${Actor}) WITH a, COUNT { (a)-[:${HAS_MEMBERSHIP}]->() } AS n ORDER BY n, a.id
WITH collect(a) AS xs RETURN xs[size(xs) / 2].id AS id, xs[size(xs) / 2].name AS name`);
  const { alliance } = await one(ex, `MATCH (al:${Alliance}) WITH al, COUNT { (al)<-[:${IN_ALLIANCE}]-() } AS n ORDER BY n, al.id
WITH collect(al.id) AS xs RETURN xs[size(xs) / 2] AS alliance`);
  const ids: Record<string, string> = {};
  for (const label of ID_LABELS) {
    const [row] = await ex.read(`MATCH (n:${label}) WHERE n.id IS NOT NULL WITH n.id AS id ORDER BY id WITH collect(id) AS xs RETURN xs[size(xs) / 2] AS id`);
    if (row?.id) ids[label] = row.id;
  }
  const place = await one(ex, `MATCH (c:${Territory} {level: 'COMMUNE'})<-[:${ACTS_IN}]-(:${Alliance})
WITH c, count(*) AS n ORDER BY n DESC, c.id LIMIT 100
MATCH (c)-[:${IN_EPCI}]->(e:${Territory}), (c)-[:${PART_OF}]->(d:${Territory} {level: 'DEPARTEMENT'})-[:${PART_OF}]->(r:${Territory} {level: 'REGION'})
RETURN [x IN [r, d, e, c] | {level: x.level, id: x.id, name: x.name}] AS territories LIMIT 1`);
  const { date } = await one(ex, `MATCH (al:${Alliance}) WHERE al.startDate IS NOT NULL WITH al.startDate AS d ORDER BY d
WITH collect(d) AS xs RETURN toString(xs[size(xs) / 2]) AS date`);
  const { sdg } = await one(ex, `MATCH (:${Alliance})-[:${CONTRIBUTES_TO}]->(g:${SDG}) WITH g.number AS sdg, count(*) AS n ORDER BY n, sdg LIMIT 1 RETURN toInteger(sdg) AS sdg`);
  const enums: Record<string, string> = { ...ENUM_DEFAULTS };
  for (const [name, { label, property, list }] of Object.entries(ENUM_STORE)) {
    const value = list ? `UNWIND n.${property} AS v` : `WITH n.${property} AS v`;
    const [row] = await ex.read(`MATCH (n:${label}) WHERE n.${property} IS NOT NULL ${value} WITH v, count(*) AS c ORDER BY c, v LIMIT 1 RETURN v`);
    if (row) enums[name] = row.v;
  }
  const word = String(hub.name).split(/[\s'’-]+/).find((w) => w.length >= 5) ?? String(hub.name).split(/\s+/)[0];
  return { hub: hub.id, partner, median: median.id, alliance, ids, territories: place.territories, date, sdg, enums, actorPrefix: String(median.name).slice(0, 3), word };
}

/** One value of an argument, named for the table ("COMMUNE:94028" for a territory). */
export interface Variant {
  label: string;
  value: unknown;
}

const listed = (type: GraphQLInputType, value: unknown) => (isListType(isNonNullType(type) ? type.ofType : type) ? [value] : value);

function enumValue(samples: Samples, type: GraphQLInputType): Variant | undefined {
  const named = getNamedType(type);
  if (!isEnumType(named)) return undefined;
  const value = samples.enums[named.name] ?? named.getValues()[0].name;
  return { label: value, value: listed(type, value) };
}

/** The values the sweep gives a filter argument: one, or one territory per level for a territory reference. */
export function filterVariants(samples: Samples, field: SweptField, filter: FilterArg): Variant[] {
  const name = filter.path[filter.path.length - 1];
  const typeName = getNamedType(filter.type).name;
  if ((name === "territory" || name === "within") && typeName === "String") return samples.territories.map((t) => ({ label: t.id, value: t.id }));
  if (typeName === "LocalDate") return [{ label: samples.date, value: samples.date }];
  if (typeName === "DateTime") return [{ label: samples.date, value: `${samples.date}T00:00:00Z` }]; // changes(since, until)
  const fromEnum = enumValue(samples, filter.type);
  if (fromEnum) return [fromEnum];
  const commune = samples.territories[samples.territories.length - 1];
  const territoryList = getNamedType(field.field.type).name.startsWith("Territory");
  const known: Record<string, Variant> = {
    nameStartsWith: territoryList ? { label: commune.name.slice(0, 3), value: commune.name.slice(0, 3) } : { label: samples.actorPrefix, value: samples.actorPrefix },
    memberIds: { label: samples.hub, value: [samples.hub] },
    allianceIds: { label: samples.alliance, value: [samples.alliance] },
    sdgs: { label: String(samples.sdg), value: [samples.sdg] },
    minScore: { label: "0.7", value: 0.7 },
    // diff's scope: ids under the median actor's first letters, or the hub's neighbourhood one hop deep.
    idPrefix: { label: samples.median.slice(0, 3), value: samples.median.slice(0, 3) },
    actor: { label: samples.hub, value: samples.hub },
    depth: { label: "1", value: 1 },
    id: { label: samples.hub, value: samples.hub },
    // The change log: the hub's changes, or an import's.
    entityId: { label: samples.hub, value: samples.hub },
    who: { label: "import", value: "import:graph.json" },
    // "Holds a SIREN": the identifier criterion with a scheme only.
    identifier: { label: "SIREN", value: { scheme: "SIREN" } },
    // An identifier's value (the scheme is its enum's first, SIREN): a valid SIREN, held or not.
    value: { label: "552032534", value: "552032534" },
  };
  if (known[name]) return [known[name]];
  throw new Error(`the sweep has no value for ${field.owner}.${field.name}(${filter.path.join(".")}: ${String(filter.type)}); add one in bench/lib/sweep-values.ts`);
}

/** The value of a required argument (`id`, `a`/`b`, `seeds`, `text`…) of a swept field or a paged field's parent. */
export function requiredValue(samples: Samples, owner: string, field: string, arg: GraphQLArgument, returnType: string): unknown {
  const departement = samples.territories.find((t) => t.level === "DEPARTEMENT")!.id;
  const fromEnum = enumValue(samples, arg.type);
  if (fromEnum) return fromEnum.value;
  // diff's `from`: the graph as recorded now (a bench graph holds no release).
  if (getNamedType(arg.type).name === "PointInput") return { asRecordedOn: new Date().toISOString() };
  switch (arg.name) {
    case "id":
      if (returnType === "Actor") return samples.hub;
      if (returnType === "Alliance") return samples.alliance;
      if (samples.ids[returnType]) return samples.ids[returnType];
      break;
    case "a": case "from": case "actor": return samples.hub;
    case "b": return samples.partner;
    case "to": return samples.median;
    case "seeds": return [samples.hub];
    case "number": return samples.sdg;
    case "text": return samples.word;
    case "code": case "territory": return departement;
    case "name": return "2026-Q4"; // release(name): none in a bench graph, answers null
  }
  throw new Error(`the sweep has no value for the required argument ${owner}.${field}(${arg.name}: ${String(arg.type)}); add one in bench/lib/sweep-values.ts`);
}
