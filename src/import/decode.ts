/** Where the bytes of a file stop being UTF-8: the byte, its 0-based offset and its line (from 1). */
export interface ByteAt {
  byte: string;
  offset: number;
  line: number;
}

/** A file read as Windows-1252 because it was not UTF-8; the import report lists these. */
export interface Transcoding {
  file: string;
  encoding: "windows-1252";
  firstNonUtf8: ByteAt;
  message: string;
}

const UTF8 = new TextDecoder("utf-8", { fatal: true }); // strips a leading BOM

/** `bytes` as UTF-8 text (a BOM dropped), or undefined when they are not UTF-8. */
export function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** A byte order mark of UTF-16 (Excel's "Unicode text"): such a file is refused with its own reason. */
export function utf16Mark(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "UTF-16 little-endian (it starts with the bytes 0xFF 0xFE)";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "UTF-16 big-endian (it starts with the bytes 0xFE 0xFF)";
  return undefined;
}

/** The first byte at which `bytes` stop being well-formed UTF-8, if any. */
export function firstNonUtf8(bytes: Uint8Array): ByteAt | undefined {
  for (let i = 0; i < bytes.length; ) {
    const length = sequenceLength(bytes, i);
    if (length === 0) return byteAt(bytes, i);
    i += length;
  }
  return undefined;
}

// How UTF-8 writes accented Latin letters (é: 0xC3 0xA9) and typographic punctuation
// (’: 0xE2 0x80 0x99, €: 0xE2 0x82 0xAC). Read as Windows-1252 these are "Ã©", "â€™": nobody
// types them, so a file holding them is (partly) UTF-8. Other well-formed sequences can be
// real Windows-1252 text ("é" + no-break space + "»" is 0xE9 0xA0 0xBB).
const UTF8_LOOKING = /[\xC2\xC3][\x80-\xBF]|\xE2\x80[\x80-\xBF]|\xE2\x82\xAC/;

/** The first place `bytes` hold UTF-8-encoded letters or punctuation (see UTF8_LOOKING), with the character. */
export function utf8Looking(bytes: Uint8Array): { at: ByteAt; character: string } | undefined {
  const found = UTF8_LOOKING.exec(latin1(bytes));
  if (!found) return undefined;
  return { at: byteAt(bytes, found.index), character: Buffer.from(found[0], "latin1").toString("utf8") };
}

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");

/** Length of the well-formed UTF-8 sequence at `i` (Unicode table 3-7), 0 when there is none. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const first = bytes[i];
  if (first < 0x80) return 1;
  let length: number;
  let low = 0x80;
  let high = 0xbf;
  if (first >= 0xc2 && first <= 0xdf) length = 2;
  else if (first >= 0xe0 && first <= 0xef) [length, low, high] = [3, first === 0xe0 ? 0xa0 : 0x80, first === 0xed ? 0x9f : 0xbf];
  else if (first >= 0xf0 && first <= 0xf4) [length, low, high] = [4, first === 0xf0 ? 0x90 : 0x80, first === 0xf4 ? 0x8f : 0xbf];
  else return 0;
  if (i + length > bytes.length || bytes[i + 1] < low || bytes[i + 1] > high) return 0;
  for (let k = 2; k < length; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return 0;
  return length;
}

/** The byte at `offset`, with its line: what a message quotes. */
function byteAt(bytes: Uint8Array, offset: number): ByteAt {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return { byte: `0x${bytes[offset].toString(16).toUpperCase().padStart(2, "0")}`, offset, line };
}

/** "byte 0xE9 (line 2, byte offset 31)" */
export const describeByte = (at: ByteAt) => `byte ${at.byte} (line ${at.line}, byte offset ${at.offset})`;

// Windows-1252's characters for the bytes 0x80–0x9F ("\0": the five bytes it leaves undefined:
// 0x81, 0x8D, 0x8F, 0x90, 0x9D). Other bytes are the code point of the same number (as in
// Latin-1). Node 20's TextDecoder("windows-1252") decodes these 32 bytes as Latin-1 (0x80 →
// U+0080), hence the table.
const CP1252_80_9F =
  "\u20AC\0\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\0\u017D\0" +
  "\0\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\0\u017E\u0178";

/** The first byte Windows-1252 does not define, if any. */
export function firstUndefinedInWindows1252(bytes: Uint8Array): ByteAt | undefined {
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte >= 0x80 && byte <= 0x9f && CP1252_80_9F[byte - 0x80] === "\0") return byteAt(bytes, i);
  }
  return undefined;
}

/** `bytes` as Windows-1252 text (every byte defined: see firstUndefinedInWindows1252). */
export function decodeWindows1252(bytes: Uint8Array): string {
  return latin1(bytes).replace(/[\u0080-\u009F]/g, (c) => CP1252_80_9F[c.charCodeAt(0) - 0x80]);
}
