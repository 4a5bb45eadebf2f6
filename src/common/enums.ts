import { registerEnumType } from "type-graphql";

/** Kinds of actor (DOMAIN.md "forces vives"); French words in the descriptions are what users type. */
export enum ActorKind {
  LOCAL_AUTHORITY = "LOCAL_AUTHORITY",
  PUBLIC_INSTITUTION = "PUBLIC_INSTITUTION",
  COMPANY = "COMPANY",
  ASSOCIATION = "ASSOCIATION",
  FOUNDATION = "FOUNDATION",
  ACADEMIC = "ACADEMIC",
  MEDIA = "MEDIA",
  INTERMEDIARY = "INTERMEDIARY",
}

/** Le RAMEAU's typology of partnerships, plus territorial and research partnerships. */
export enum AllianceKind {
  PHILANTHROPY = "PHILANTHROPY",
  RESPONSIBLE_PRACTICES = "RESPONSIBLE_PRACTICES",
  ECONOMIC_COOPERATION = "ECONOMIC_COOPERATION",
  SOCIETAL_INNOVATION = "SOCIETAL_INNOVATION",
  TERRITORIAL_CO_CONSTRUCTION = "TERRITORIAL_CO_CONSTRUCTION",
  RESEARCH_PARTNERSHIP = "RESEARCH_PARTNERSHIP",
}

/** The article's four reasons to ally. */
export enum AllianceObjective {
  PERFORMANCE_AND_ENGAGEMENT = "PERFORMANCE_AND_ENGAGEMENT",
  HYBRID_ECONOMIC_MODEL = "HYBRID_ECONOMIC_MODEL",
  SOCIETAL_INNOVATION = "SOCIETAL_INNOVATION",
  LOCAL_CO_CONSTRUCTION = "LOCAL_CO_CONSTRUCTION",
}

export enum AllianceStatus {
  PROPOSED = "PROPOSED",
  ACTIVE = "ACTIVE",
  ENDED = "ENDED",
}

export enum MembershipRole {
  LEADER = "LEADER",
  PARTNER = "PARTNER",
  FUNDER = "FUNDER",
  CATALYST = "CATALYST",
  EVALUATOR = "EVALUATOR",
  ACADEMIC_PARTNER = "ACADEMIC_PARTNER",
}

/** The four pillars of valorisation: communicate (publication, event), capitalise (practice), evaluate (result, impact), model. */
export enum OutcomeKind {
  PRACTICE = "PRACTICE",
  RESULT = "RESULT",
  IMPACT = "IMPACT",
  MODEL = "MODEL",
  PUBLICATION = "PUBLICATION",
  EVENT = "EVENT",
}

export enum SourceKind {
  STUDY = "STUDY",
  ACTION_RESEARCH = "ACTION_RESEARCH",
  ARTICLE = "ARTICLE",
  EVENT = "EVENT",
  OFFICIAL_REGISTER = "OFFICIAL_REGISTER",
  OTHER = "OTHER",
}

/** Levels of French geography; a territory id is "<LEVEL>:<INSEE code>", e.g. "REGION:11", "COMMUNE:94028". */
export enum TerritoryLevel {
  COUNTRY = "COUNTRY",
  REGION = "REGION",
  DEPARTEMENT = "DEPARTEMENT",
  EPCI = "EPCI",
  COMMUNE = "COMMUNE",
  COMMUNE_DELEGUEE = "COMMUNE_DELEGUEE",
  COMMUNE_ASSOCIEE = "COMMUNE_ASSOCIEE",
  ARRONDISSEMENT_MUNICIPAL = "ARRONDISSEMENT_MUNICIPAL",
}

/** Maturity in allying (Le RAMEAU's scale), set by a study for an actor or a territory. */
export enum MaturityLevel {
  DISCOVERING = "DISCOVERING",
  EXPERIMENTING = "EXPERIMENTING",
  STRUCTURING = "STRUCTURING",
  PIONEERING = "PIONEERING",
}

registerEnumType(ActorKind, {
  name: "ActorKind",
  valuesConfig: {
    LOCAL_AUTHORITY: { description: "collectivité territoriale (commune, EPCI, département, région), association d'élus" },
    PUBLIC_INSTITUTION: { description: "État, établissement public, assemblée" },
    COMPANY: { description: "entreprise" },
    ASSOCIATION: { description: "association (loi 1901)" },
    FOUNDATION: { description: "fondation, fonds de dotation" },
    ACADEMIC: { description: "université, école, chaire, institut de recherche" },
    MEDIA: { description: "média, journaliste" },
    INTERMEDIARY: { description: "catalyseur territorial, réseau, observatoire" },
  },
});
registerEnumType(AllianceKind, {
  name: "AllianceKind",
  valuesConfig: {
    PHILANTHROPY: { description: "mécénat" },
    RESPONSIBLE_PRACTICES: { description: "pratiques responsables" },
    ECONOMIC_COOPERATION: { description: "coopération économique" },
    SOCIETAL_INNOVATION: { description: "innovation sociétale" },
    TERRITORIAL_CO_CONSTRUCTION: { description: "co-construction territoriale" },
    RESEARCH_PARTNERSHIP: { description: "partenariat de recherche / académique" },
  },
});
registerEnumType(AllianceObjective, {
  name: "AllianceObjective",
  valuesConfig: {
    PERFORMANCE_AND_ENGAGEMENT: { description: "Équilibrer performance et engagement pour son organisation" },
    HYBRID_ECONOMIC_MODEL: { description: "Hybrider son modèle socio-économique" },
    SOCIETAL_INNOVATION: { description: "Piloter une démarche d'innovation sociétale" },
    LOCAL_CO_CONSTRUCTION: { description: "Co-construire localement des solutions mobilisant l'ensemble des forces vives" },
  },
});
registerEnumType(AllianceStatus, { name: "AllianceStatus" });
registerEnumType(MembershipRole, {
  name: "MembershipRole",
  valuesConfig: {
    LEADER: { description: "pilote / chef de file" },
    PARTNER: { description: "partenaire" },
    FUNDER: { description: "financeur" },
    CATALYST: { description: "catalyseur: anime l'alliance" },
    EVALUATOR: { description: "évaluateur" },
    ACADEMIC_PARTNER: { description: "partenaire académique" },
  },
});
registerEnumType(OutcomeKind, { name: "OutcomeKind" });
registerEnumType(SourceKind, { name: "SourceKind" });
registerEnumType(TerritoryLevel, { name: "TerritoryLevel" });
registerEnumType(MaturityLevel, {
  name: "MaturityLevel",
  valuesConfig: {
    DISCOVERING: { description: "découverte" },
    EXPERIMENTING: { description: "expérimentation" },
    STRUCTURING: { description: "structuration" },
    PIONEERING: { description: "pionnier" },
  },
});

/** What a maturity assessment is about. */
export enum MaturitySubjectType {
  ACTOR = "ACTOR",
  TERRITORY = "TERRITORY",
}
registerEnumType(MaturitySubjectType, { name: "MaturitySubjectType" });
