import { Label, Rel } from "../neo4j/graph-model";
import { Link } from "./field";

/** A fact's sources: (fact)-[:CITES]->(Source). */
export const CITES_SOURCES: Link = { rel: Rel.CITES, target: Label.Source };
