import { decodeWindows1252, firstNonUtf8, strictUtf8, utf8Looking } from "../../src/import/decode";

describe("firstNonUtf8 agrees with the strict TextDecoder", () => {
  // The decoder says whether a file is UTF-8; firstNonUtf8 says where it stops being so: they must agree.
  const cases: [string, number[], number | undefined][] = [
    ["ASCII", [0x41, 0x0a, 0x42], undefined],
    ["é in UTF-8", [0x43, 0x72, 0xc3, 0xa9], undefined],
    ["an emoji (4 bytes)", [0xf0, 0x9f, 0x98, 0x80], undefined],
    ["é in Latin-1", [0x43, 0x72, 0xe9, 0x74], 2],
    ["an overlong /", [0xc0, 0xaf], 0],
    ["an overlong 3-byte form", [0xe0, 0x80, 0xaf], 0],
    ["an encoded surrogate", [0x41, 0xed, 0xa0, 0x80], 1],
    ["beyond U+10FFFF", [0xf4, 0x90, 0x80, 0x80], 0],
    ["a truncated sequence at the end", [0x41, 0xe2, 0x82], 1],
    ["a lone continuation byte", [0x80], 0],
  ];
  it.each(cases)("%s", (_what, input, invalidAt) => {
    const bytes = Uint8Array.from(input);
    expect(firstNonUtf8(bytes)?.offset).toBe(invalidAt);
    expect(strictUtf8(bytes) === undefined).toBe(invalidAt !== undefined);
  });

  it("on 20,000 random byte strings", () => {
    let seed = 13;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const disagreements: number[][] = [];
    for (let n = 0; n < 20_000; n++) {
      // Mostly bytes that start or continue sequences, where the rules are subtle.
      const bytes = Uint8Array.from({ length: 1 + Math.floor(random() * 6) }, () => (random() < 0.2 ? Math.floor(random() * 0x80) : 0x80 + Math.floor(random() * 0x80)));
      if ((firstNonUtf8(bytes) === undefined) !== (strictUtf8(bytes) !== undefined)) disagreements.push([...bytes]);
    }
    expect(disagreements).toEqual([]);
  });
});

describe("decodeWindows1252", () => {
  it("maps 0x80–0x9F to Windows-1252's characters and the other bytes to the same code point", () => {
    expect(decodeWindows1252(Uint8Array.from([0x80, 0x8c, 0x9c, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x85, 0xe9, 0xff, 0x41]))).toBe("€Œœ‘’“”–—…éÿA");
  });
});

describe("utf8Looking", () => {
  it("finds UTF-8 accented letters and typographic punctuation, with their line", () => {
    expect(utf8Looking(Buffer.from("a\nb\nCaf\u00e9", "utf8"))).toEqual({ at: { byte: "0xC3", offset: 7, line: 3 }, character: "é" });
    expect(utf8Looking(Buffer.from("l\u2019eau", "utf8"))?.character).toBe("\u2019");
    expect(utf8Looking(Buffer.from("100 \u20ac", "utf8"))?.character).toBe("€");
  });

  it("does not take Windows-1252 text for UTF-8, even where its bytes happen to be well-formed (é, no-break space, »)", () => {
    expect(utf8Looking(Buffer.from("\u00ab caf\u00e9\u00a0\u00bb \u00c9T\u00c9\u00a0: L\u0092\u00ceLE", "latin1"))).toBeUndefined();
  });
});
