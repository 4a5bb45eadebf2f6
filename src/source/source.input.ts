import { InputType } from "type-graphql";
import { SourceKind } from "../common/enums";
import { field } from "../entity/field";
import { date, enumOf, externalId, listOf, text, url } from "../entity/kinds";
import { NotInFuture } from "../common/validators";
import { doi, pages } from "./source.kinds";

/** Authors a source lists at most: a large consortium's report, not a physics paper's thousand names. */
export const MAX_AUTHORS = 100;

/** A source's fields, declared once (src/entity/field.ts); an existing id is updated in place (sources are whole records). */
@InputType({ description: "A source (study, article, report, event, register); an existing id is updated in place" })
export class SourceInput {
  @field(externalId(), { optional: true, key: true, description: "External id; generated when omitted" })
  id?: string;

  @field(text(1, 300))
  title!: string;

  @field(listOf(text(1, 200), { max: MAX_AUTHORS }), {
    optional: true,
    ordered: true,
    description: `Authors in order (at most ${MAX_AUTHORS}): "Family, Given" for a person, the name for an organisation`,
  })
  authors?: string[] | null;

  @field(text(1, 200), { optional: true })
  publisher?: string | null;

  @field(date, { optional: true, description: "Publication date" })
  date?: string | null;

  @field(url, { optional: true })
  url?: string | null;

  @field(doi, { optional: true, description: 'DOI, "10.1000/xyz123"; a https://doi.org/ or doi: prefix is stripped' })
  doi?: string | null;

  @field(pages, { optional: true, description: 'Pages cited: "12", "12-18", "xii"' })
  pages?: string | null;

  @field(text(1, 300), { optional: true, description: 'Licence of the source: an SPDX id ("CC-BY-4.0") or its address' })
  licence?: string | null;

  @field(date, { optional: true, rules: [NotInFuture("a source is read before it is cited")], description: "When the source was read (web pages), not after today" })
  accessedOn?: string | null;

  @field(enumOf(SourceKind))
  kind!: SourceKind;
}
