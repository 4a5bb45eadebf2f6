// One node per external maturity assessment id.
CREATE CONSTRAINT maturity_assessment_id IF NOT EXISTS FOR (n:MaturityAssessment) REQUIRE n.id IS UNIQUE;
