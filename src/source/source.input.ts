import { InputType } from "type-graphql";
import { SourceKind } from "../common/enums";
import { field } from "../entity/field";
import { date, enumOf, externalId, text, url } from "../entity/kinds";

/** A source's fields, declared once (src/entity/field.ts); an existing id is updated in place (sources are whole records). */
@InputType({ description: "A source (study, article, report, event, register); an existing id is updated in place" })
export class SourceInput {
  @field(externalId(), { optional: true, key: true, description: "External id; generated when omitted" })
  id?: string;

  @field(text(1, 300))
  title!: string;

  @field(text(1, 200), { optional: true })
  publisher?: string | null;

  @field(date, { optional: true })
  date?: string | null;

  @field(url, { optional: true })
  url?: string | null;

  @field(enumOf(SourceKind))
  kind!: SourceKind;
}
