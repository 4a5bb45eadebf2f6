import { Field, GraphQLISODateTime, Int, ObjectType } from "type-graphql";
import { ConnectionOf } from "../common/connection";

@ObjectType({ simpleResolvers: true, description: "A named, citable state of the graph: the graph as recorded after write `seq`, with the checksum of its canonical export" })
export class Release {
  @Field({ description: "Unique name (letters, digits, '.', '_', '-'; e.g. 2026-Q4); `release:` arguments and `?release=` take it" })
  name!: string;

  @Field(() => Int, { description: "The last write it includes (the change log's seq)" })
  seq!: number;

  @Field(() => GraphQLISODateTime, { description: "When that write was recorded (now when none), to the millisecond: `asRecordedOn` at this instant reads the same graph" })
  at!: string;

  @Field({ description: "SHA-256 (hex) of the release's canonical export: the JSON export of the whole graph with `release: name`" })
  checksum!: string;

  @Field(() => GraphQLISODateTime, { description: "When the release was made" })
  createdAt!: string;

  /** Admins see who made it ("api-key:<name>", "jwt:<sub>", "cli:<command>"); others get null (see ReleaseResolver). */
  createdBy!: string | null;
}

@ObjectType({ simpleResolvers: true })
export class ReleaseConnection extends ConnectionOf(Release) {}

@ObjectType({ simpleResolvers: true, description: "What verifyRelease found: the stored checksum against the one the release's export gives today" })
export class ReleaseCheck {
  @Field(() => Release)
  release!: Release;

  @Field({ description: "SHA-256 (hex) of the export made now" })
  checksum!: string;

  @Field({ description: "True when it equals release.checksum: the release is reproduced byte for byte" })
  matches!: boolean;
}
