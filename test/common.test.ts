import { isRna, isSiren, isTerritoryRef, luhnValid } from "../src/common/validators";
import { nameKey } from "../src/common/text";

describe("identifier checks", () => {
  it("accepts real SIRENs and refuses a wrong check digit", () => {
    expect(isSiren("180020026")).toBe(true); // Caisse des Dépôts
    expect(isSiren("219400280")).toBe(true); // Commune de Créteil
    expect(isSiren("219400281")).toBe(false);
    expect(isSiren("21940028")).toBe(false);
    expect(luhnValid("0")).toBe(true);
  });

  it("accepts RNA numbers W + 9 digits only", () => {
    expect(isRna("W751234567")).toBe(true);
    expect(isRna("W75123456")).toBe(false);
    expect(isRna("751234567")).toBe(false);
  });

  it("accepts INSEE codes and level-qualified ids, nothing else", () => {
    for (const ok of ["94028", "2A004", "REGION:11", "EPCI:200054781", "COUNTRY:FR"]) expect(isTerritoryRef(ok)).toBe(true);
    for (const bad of ["Créteil", "REGION:", "PLANET:1", "94028 OR 1=1", "'"]) expect(isTerritoryRef(bad)).toBe(false);
  });
});

describe("nameKey", () => {
  it("folds case, accents and ligatures", () => {
    expect(nameKey("Île-de-France")).toBe("ile-de-france");
    expect(nameKey("Œuvre d'Écully")).toBe("oeuvre d'ecully");
  });
});
