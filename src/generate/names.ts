import { ActorKind, AllianceKind, OutcomeKind } from "../common/enums";
import { luhnValid } from "../common/validators";
import { Random } from "./random";

/** Name patterns per actor kind; `{c}` is the commune's name, `{t}` a theme, `{p}` a family name. */
const ACTOR_PATTERNS: Record<ActorKind, string[]> = {
  ASSOCIATION: ["Association {t} de {c}", "Collectif {t} {c}", "Maison des solidarités de {c}", "Amicale {t} de {c}", "Réseau {t} de {c}"],
  COMPANY: ["{p} et Associés", "Ateliers {p}", "Coopérative {t} de {c}", "Groupe {p}", "{p} Industries", "Transports {p}"],
  LOCAL_AUTHORITY: ["Ville de {c}", "Commune de {c}", "Centre communal d'action sociale de {c}", "Syndicat intercommunal de {c}"],
  ACADEMIC: ["Chaire {t} – Université de {c}", "Institut de recherche de {c}", "École supérieure de {c}", "Laboratoire {t} de {c}"],
  FOUNDATION: ["Fondation {p}", "Fonds de dotation {t} de {c}", "Fondation {p} pour {t}"],
  PUBLIC_INSTITUTION: ["Agence territoriale de {c}", "Office public de l'habitat de {c}", "Établissement public {t} de {c}"],
  INTERMEDIARY: ["Catalyseur territorial de {c}", "Réseau des partenariats de {c}", "Observatoire {t} de {c}"],
  MEDIA: ["{c} Infos", "Radio {c}", "Le Journal de {c}", "Magazine {t}"],
};
const THEMES = [
  "solidaire", "pour l'insertion", "de l'économie circulaire", "jeunesse et sport", "pour la transition écologique",
  "de l'habitat inclusif", "des aidants", "culture et patrimoine", "de l'alimentation durable", "pour l'emploi", "numérique pour tous",
];
const FAMILY_NAMES = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "Fournier", "Mercier", "Blanc", "Guérin", "Boyer"];

export function actorName(rng: Random, kind: ActorKind, commune: string): string {
  return rng
    .pick(ACTOR_PATTERNS[kind])
    .replace("{c}", commune)
    .replace("{t}", rng.pick(THEMES))
    .replace("{p}", rng.pick(FAMILY_NAMES));
}

const ALLIANCE_PATTERNS: Record<AllianceKind, string[]> = {
  PHILANTHROPY: ["Mécénat {t} – {place}", "Fonds partagé {t} ({place})"],
  RESPONSIBLE_PRACTICES: ["Charte des pratiques responsables – {place}", "Achats responsables {place}"],
  ECONOMIC_COOPERATION: ["Pôle de coopération {t} – {place}", "Groupement d'employeurs {place}"],
  SOCIETAL_INNOVATION: ["Laboratoire d'innovation {t} – {place}", "Programme {t} ({place})"],
  TERRITORIAL_CO_CONSTRUCTION: ["Alliance territoriale {place}", "Projet de territoire {t} – {place}", "Contrat local {t} ({place})"],
  RESEARCH_PARTNERSHIP: ["Recherche-action {t} – {place}", "Chaire partenariale {t} ({place})"],
};

export function allianceName(rng: Random, kind: AllianceKind, place: string): string {
  return rng.pick(ALLIANCE_PATTERNS[kind]).replace("{place}", place).replace("{t}", rng.pick(THEMES));
}

const OUTCOME_TITLES: Record<OutcomeKind, string[]> = {
  PRACTICE: ["Guide de co-construction", "Fiche pratique partagée", "Méthode d'animation du partenariat"],
  RESULT: ["Personnes accompagnées", "Emplois créés", "Bénévoles mobilisés"],
  IMPACT: ["Évaluation d'impact social", "Mesure d'impact environnemental"],
  MODEL: ["Modèle économique hybride", "Modélisation de la valeur créée"],
  PUBLICATION: ["Rapport annuel du partenariat", "Cahier de capitalisation"],
  EVENT: ["Rencontres territoriales", "Journée des partenaires"],
};
const UNITS: Record<string, string> = {
  "Personnes accompagnées": "personnes", "Emplois créés": "emplois", "Bénévoles mobilisés": "bénévoles",
  "Évaluation d'impact social": "% de bénéficiaires satisfaits", "Mesure d'impact environnemental": "tonnes de CO2 évitées",
};

export function outcomeTitle(rng: Random, kind: OutcomeKind): { title: string; unit?: string } {
  const title = rng.pick(OUTCOME_TITLES[kind]);
  return { title, unit: UNITS[title] };
}

/** A SIREN from 8 digits: the check digit that makes the Luhn sum valid. */
export function sirenFrom(eightDigits: string): string {
  for (let check = 0; check <= 9; check++) if (luhnValid(eightDigits + check)) return eightDigits + check;
  throw new Error(`no Luhn check digit for ${eightDigits}`); // cannot happen: one digit always fits
}
