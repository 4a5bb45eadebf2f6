import { Field, Int, ObjectType } from "type-graphql";

@ObjectType({ simpleResolvers: true, description: "A UN Sustainable Development Goal (ODD)" })
export class SDG {
  @Field(() => Int)
  number!: number;

  @Field()
  titleFr!: string;

  @Field()
  titleEn!: string;
}

@ObjectType({ simpleResolvers: true, description: "A target of an SDG, e.g. 17.17" })
export class SDGTarget {
  @Field()
  code!: string;

  @Field()
  titleFr!: string;

  @Field()
  titleEn!: string;
}
