import { toLuceneQuery } from "../../src/search/search.query";

describe("toLuceneQuery", () => {
  it("quotes each word, so Lucene syntax stays text", () => {
    expect(toLuceneQuery('name:x AND (y OR "zz\\')).toBe(
      '(+"name:x" +"AND" +"(y" +"OR" +("\\"zz\\\\" zz*))^4 ("name:x" "AND" "(y" "OR" ("\\"zz\\\\" zz*))',
    );
  });

  it("adds a folded prefix term for the last word", () => {
    expect(toLuceneQuery("Collectivité")).toBe('("Collectivité" collectivite*)');
    expect(toLuceneQuery("ÎLE-DE-FRANCE")).toBe('"ÎLE-DE-FRANCE"');
    expect(toLuceneQuery("x")).toBe('"x"');
  });

  it("requires every word in a boosted clause, any word otherwise", () => {
    expect(toLuceneQuery("  ville   creteil ")).toBe('(+"ville" +("creteil" creteil*))^4 ("ville" ("creteil" creteil*))');
  });

  it("finds no word in symbols alone", () => {
    expect(toLuceneQuery("&& || ! * ?")).toBeNull();
    expect(toLuceneQuery("")).toBeNull();
  });
});
