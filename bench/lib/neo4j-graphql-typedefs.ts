/**
 * @neo4j/graphql 7 type definitions mirroring Maillage's graph model (src/neo4j/graph-model.ts):
 * same labels, relationship types and directions. Kinds are plain strings (the stored values).
 * Path (W4) has no @neo4j/graphql equivalent: `benchPath` is a Query field with @cypher running
 * the same shortest-path Cypher as the floor.
 */
export const TYPE_DEFS = /* GraphQL */ `
type Actor @node {
  id: ID!
  name: String!
  nameKey: String
  kind: String!
  description: String
  website: String
  siren: String
  rna: String
  basedIn: [Territory!]! @relationship(type: "BASED_IN", direction: OUT)
  memberships: [Membership!]! @relationship(type: "HAS_MEMBERSHIP", direction: OUT)
  sources: [Source!]! @relationship(type: "CITES", direction: OUT)
}

type Membership @node {
  id: ID!
  role: String!
  actor: [Actor!]! @relationship(type: "HAS_MEMBERSHIP", direction: IN)
  alliance: [Alliance!]! @relationship(type: "IN_ALLIANCE", direction: OUT)
  sources: [Source!]! @relationship(type: "CITES", direction: OUT)
}

type Alliance @node {
  id: ID!
  name: String!
  nameKey: String
  kind: String!
  status: String!
  objectives: [String!]
  description: String
  memberships: [Membership!]! @relationship(type: "IN_ALLIANCE", direction: IN)
  territories: [Territory!]! @relationship(type: "ACTS_IN", direction: OUT)
  sdgs: [SDG!]! @relationship(type: "CONTRIBUTES_TO", direction: OUT)
  outcomes: [Outcome!]! @relationship(type: "PRODUCED", direction: OUT)
  sources: [Source!]! @relationship(type: "CITES", direction: OUT)
}

type Outcome @node {
  id: ID!
  title: String!
  titleKey: String
  kind: String!
  description: String
  alliance: [Alliance!]! @relationship(type: "PRODUCED", direction: IN)
  sdgs: [SDG!]! @relationship(type: "ADVANCES", direction: OUT)
  sources: [Source!]! @relationship(type: "CITES", direction: OUT)
}

type Territory @node {
  id: ID!
  code: String!
  name: String!
  level: String!
  parents: [Territory!]! @relationship(type: "PART_OF", direction: OUT)
  children: [Territory!]! @relationship(type: "PART_OF", direction: IN)
  alliances: [Alliance!]! @relationship(type: "ACTS_IN", direction: IN)
  actors: [Actor!]! @relationship(type: "BASED_IN", direction: IN)
}

type SDG @node(labels: ["SDG"]) {
  number: Int!
  titleFr: String!
  titleEn: String
  alliances: [Alliance!]! @relationship(type: "CONTRIBUTES_TO", direction: IN)
}

type Source @node {
  id: ID!
  title: String!
  kind: String!
  url: String
  publisher: String
}

type Query {
  """W4: shortest co-construction path (same Cypher as the floor); ["actor:<id>", "alliance:<id>", "actor:<id>", …] or []"""
  benchPath(from: ID!, to: ID!): [String!]!
    @cypher(
      statement: """
      OPTIONAL MATCH (origin:Actor {id: $from})
      OPTIONAL MATCH (target:Actor {id: $to})
      OPTIONAL CALL (origin, target) {
        MATCH ALL SHORTEST (origin) ((a:Actor)-[:HAS_MEMBERSHIP]->(:Membership)-[:IN_ALLIANCE]->(al:Alliance)<-[:IN_ALLIANCE]-(:Membership)<-[:HAS_MEMBERSHIP]-(b:Actor) WHERE a <> b){0,4} (target)
        WITH [origin] + b AS actors, al AS alliances
        ORDER BY [x IN actors | x.nameKey], [x IN actors | x.id], [x IN alliances | x.nameKey], [x IN alliances | x.id]
        LIMIT 1
        RETURN [i IN range(0, size(actors) - 1) | CASE WHEN i = 0 THEN ['actor:' + actors[0].id] ELSE ['alliance:' + alliances[i - 1].id, 'actor:' + actors[i].id] END] AS steps
      }
      RETURN reduce(acc = [], s IN coalesce(steps, []) | acc + s) AS ids
      """
      columnName: "ids"
    )
}
`;
