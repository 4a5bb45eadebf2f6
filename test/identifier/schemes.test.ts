import { identifierProblem, IdentifierScheme, identifiersOf, normaliseAs, readIdentifier, rorChecksum, schemeSpec } from "../../src/identifier/schemes";
import { identifiersIn } from "../../src/identifier/search-text";
import { generatedIdentifiers, siretOf } from "../../src/generate/identifiers";
import { ActorKind } from "../../src/common/enums";

const { SIREN, SIRET, RNA, ROR, UAI, WIKIDATA, INSEE_COG, WEBSITE } = IdentifierScheme;
const read = (scheme: IdentifierScheme, value: string) => readIdentifier(scheme, value);

describe("each scheme's rule and normal form", () => {
  it.each([
    // [scheme, as written, normal form]
    [SIREN, "552032534", "552032534"],
    [SIREN, "552 032 534", "552032534"],
    [SIREN, "552.032.534", "552032534"],
    [SIREN, "552\u00a0032\u00a0534", "552032534"],
    [SIREN, " 219400280 ", "219400280"],
    [SIREN, "https://annuaire-entreprises.data.gouv.fr/entreprise/552032534", "552032534"],
    [SIRET, "55203253400018", "55203253400018"],
    [SIRET, "552 032 534 00018", "55203253400018"],
    [SIRET, "35600000000048", "35600000000048"], // La Poste's head office: Luhn
    [SIRET, "35600000049837", "35600000049837"], // a La Poste establishment: digits add up to 45
    [RNA, "W751234567", "W751234567"],
    [RNA, "w751234567", "W751234567"],
    [ROR, "03yrm5c26", "03yrm5c26"],
    [ROR, "https://ror.org/02feahw73", "02feahw73"],
    [ROR, "ror.org/05FE7AX82", "05fe7ax82"],
    [UAI, "0751717J", "0751717J"],
    [UAI, "0941111x", "0941111X"],
    [WIKIDATA, "Q90", "Q90"],
    [WIKIDATA, "q90", "Q90"],
    [WIKIDATA, "https://www.wikidata.org/wiki/Q90", "Q90"],
    [WIKIDATA, "http://www.wikidata.org/entity/Q193582", "Q193582"],
    [WIKIDATA, "wd:Q859363", "Q859363"],
    [INSEE_COG, "94028", "94028"],
    [INSEE_COG, "2a004", "2A004"],
    [INSEE_COG, "974", "974"],
    [INSEE_COG, "11", "11"],
    [WEBSITE, "https://www.creteil.fr/agenda", "https://www.creteil.fr/agenda"],
    [WEBSITE, "HTTPS://WWW.Creteil.FR/Agenda", "https://www.creteil.fr/Agenda"],
  ])("%s %j is %j", (scheme, written, normal) => {
    expect(read(scheme, written)).toEqual({ value: normal });
    expect(normaliseAs(schemeSpec(scheme), written)).toBe(normal);
    expect(identifierProblem(schemeSpec(scheme), normal)).toBeUndefined();
  });

  it.each([
    [SIREN, "552 032 535", '"552 032 535": the check digit is wrong (Luhn)'],
    [SIREN, "552032535", '"552032535": the check digit is wrong (Luhn)'],
    [SIREN, "552 032.534", '"552 032.534" is not a SIREN: 9 digits (552032534), the last a Luhn check digit'],
    [SIREN, "12345674", '"12345674" has 8 digits: was a leading zero dropped (012345674)? Format the column as text'],
    [SIRET, "55203253400019", '"55203253400019": the check digit is wrong (Luhn)'],
    [SIRET, "55203253500015", '"55203253500015": its first 9 digits are not a SIREN (Luhn)'],
    [SIRET, "5520325340005", '"5520325340005" is not a SIRET: 14 digits (55203253400018), the SIREN then the establishment\'s 5'],
    [SIRET, "35600000049838", '"35600000049838": the digits of a La Poste SIRET must add up to a multiple of 5'],
    [RNA, "W75123456", '"W75123456" is not an RNA number: W followed by 9 digits (W751234567)'],
    [ROR, "03yrm5c27", '"03yrm5c27": the check digits are wrong (ISO 7064 mod 97-10)'],
    [ROR, "https://ror.org/03yrm5c27", '"https://ror.org/03yrm5c27": the check digits are wrong (ISO 7064 mod 97-10)'],
    [ROR, "13yrm5c26", '"13yrm5c26" is not a ROR id: 0, 6 characters of Crockford base 32 and 2 check digits (03yrm5c26)'],
    [ROR, "03yrl5c26", '"03yrl5c26" is not a ROR id: 0, 6 characters of Crockford base 32 and 2 check digits (03yrm5c26)'],
    [UAI, "0751717K", '"0751717K": the check letter is wrong (0751717J expected)'],
    [UAI, "075171J", '"075171J" is not a UAI: 7 digits and a check letter (0751717J)'],
    [WIKIDATA, "Q090", '"Q090" is not a Wikidata item: Q and a number (Q90)'],
    [WIKIDATA, "P31", '"P31" is not a Wikidata item: Q and a number (Q90)'],
    [INSEE_COG, "20004", '"20004" is not an INSEE code (COG): a commune (94028, 2A004), a département (94, 2A, 974) or a région (11)'],
    [INSEE_COG, "1004", '"1004" has 4 digits: was a leading zero dropped (01004)? Format the column as text'],
    [WEBSITE, "creteil.fr", '"creteil.fr" is not a web address starting with http:// or https://'],
    [WEBSITE, "www.creteil.fr", '"www.creteil.fr" is not a web address starting with http:// or https://'],
  ])("%s %j is refused: %s", (scheme, written, message) => {
    expect(read(scheme, written)).toEqual({ problem: message });
    expect(normaliseAs(schemeSpec(scheme), written)).toBe(written); // left as written, for the rule to quote
    expect(identifierProblem(schemeSpec(scheme), written)).toBe(message);
  });

  it("checks ROR ids with ISO 7064 mod 97-10 over the base-32 number (known ids)", () => {
    expect(["02feahw73", "05fe7ax82", "02vjkv261"].map((id) => rorChecksum(id.slice(1, 7)) === id.slice(7))).toEqual([true, true, true]);
  });

  it("lists an actor's identifiers in scheme order, with their web addresses", () => {
    expect(identifiersOf({ id: "x", wikidata: "Q90", siren: "552032534", ror: "03yrm5c26", uai: "0751717J", website: null })).toEqual([
      { scheme: SIREN, value: "552032534", uri: "https://annuaire-entreprises.data.gouv.fr/entreprise/552032534" },
      { scheme: ROR, value: "03yrm5c26", uri: "https://ror.org/03yrm5c26" },
      { scheme: UAI, value: "0751717J", uri: null },
      { scheme: WIKIDATA, value: "Q90", uri: "https://www.wikidata.org/entity/Q90" },
    ]);
  });

  it("reads a searched text as every identifier it can be", () => {
    expect(identifiersIn("219400280")).toEqual({ siren: "219400280" });
    expect(identifiersIn("219 400 280")).toEqual({ siren: "219400280" });
    expect(identifiersIn("https://ror.org/03yrm5c26")).toEqual({ ror: "03yrm5c26", website: "https://ror.org/03yrm5c26" });
    expect(identifiersIn("94028")).toEqual({ inseeCog: "94028" });
    expect(identifiersIn("creteil")).toEqual({});
    expect(identifiersIn("219400281")).toEqual({});
  });
});

describe("generated identifiers", () => {
  const commune = { id: "COMMUNE:94028", name: "Créteil", population: 1, epciId: null, departementId: "DEPARTEMENT:94", regionId: "REGION:11" };

  it("are valid, derived from the actor alone", () => {
    expect(siretOf("552032534")).toBe("55203253400018");
    expect(generatedIdentifiers({ kind: ActorKind.COMPANY, name: "x", siren: "552032534" }, commune, 3)).toEqual({ siret: "55203253400018" });
    expect(generatedIdentifiers({ kind: ActorKind.LOCAL_AUTHORITY, name: "Ville de Créteil", siren: null }, commune, 3)).toEqual({ inseeCog: "94028" });
    expect(generatedIdentifiers({ kind: ActorKind.LOCAL_AUTHORITY, name: "Syndicat intercommunal de Créteil", siren: null }, commune, 3)).toEqual({});
    const school = generatedIdentifiers({ kind: ActorKind.ACADEMIC, name: "École supérieure de Créteil", siren: null }, commune, 12);
    expect(school.uai).toBe("0940012C");
    for (const [property, scheme] of [["ror", ROR], ["uai", UAI]] as const) expect(identifierProblem(schemeSpec(scheme), school[property])).toBeUndefined();
  });
});
