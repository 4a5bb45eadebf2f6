import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ActorKind, AllianceKind, AllianceObjective, AllianceStatus, MaturityLevel, MembershipRole, OutcomeKind, SourceKind } from "../../src/common/enums";
import { PROJECT_ROOT } from "../../src/common/paths";
import { importJsonSchema } from "../../src/import/import-schema";
import { MaturitySubjectType } from "../../src/maturity/maturity.type";

const published = JSON.parse(readFileSync(join(PROJECT_ROOT, "schema", "import.schema.json"), "utf8"));

describe("schema/import.schema.json", () => {
  it("is the schema the code builds (npm run schema:emit regenerates it)", () => {
    expect(published).toEqual(importJsonSchema());
  });

  it("lists exactly the values of the TypeScript enums", () => {
    const defs = published.$defs;
    expect(defs.source.properties.kind.enum).toEqual(Object.values(SourceKind));
    expect(defs.actor.properties.kind.enum).toEqual(Object.values(ActorKind));
    expect(defs.alliance.properties.kind.enum).toEqual(Object.values(AllianceKind));
    expect(defs.alliance.properties.objectives.items.enum).toEqual(Object.values(AllianceObjective));
    expect(defs.alliance.properties.status.enum).toEqual(Object.values(AllianceStatus));
    expect(defs.membership.properties.role.enum).toEqual(Object.values(MembershipRole));
    expect(defs.outcome.properties.kind.enum).toEqual(Object.values(OutcomeKind));
    expect(defs.maturityAssessment.properties.level.enum).toEqual(Object.values(MaturityLevel));
    expect(defs.maturityAssessment.properties.subjectType.enum).toEqual(Object.values(MaturitySubjectType));
  });
});
