import { Label } from "../neo4j/graph-model";

// The change log's entries for each of $items ({entity: label, id}) with $from < seq <= $to, oldest first.
export const CHANGES_BETWEEN = `UNWIND $items AS item
MATCH (c:${Label.Change}) WHERE c.entityId = item.id AND c.seq > $from AND c.seq <= $to AND c.entity = item.entity
RETURN item.entity AS entity, item.id AS id, c.seq AS seq, toString(c.at) AS at, c.who AS who, c.how AS how, c.op AS op
ORDER BY c.seq, c.n`;
