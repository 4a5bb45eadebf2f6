import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../graphql/context";
import { Source } from "../source/source.type";
import { MaturityAssessment } from "./maturity.type";

/** MaturityAssessment.sources: here, not on the type, so maturity.type.ts stays below the context. */
@Resolver(() => MaturityAssessment)
export class MaturityAssessmentResolver {
  @FieldResolver(() => [Source], { description: "The sources making this assessment (at least one), by date then title" })
  sources(@Root() assessment: MaturityAssessment, @Ctx() ctx: Context): Promise<Source[]> {
    return ctx.loaders.sourcesOfAssessment.load(assessment.id);
  }
}
