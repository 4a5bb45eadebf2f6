import { strToU8, Zip, ZipDeflate } from "fflate";

/** Some text of a named file; a file's pieces follow one another. */
export interface FilePiece {
  file: string;
  text: string;
}

/**
 * A zip of the files whose text comes in `pieces`, as bytes, a piece at a time (fflate's
 * streaming Zip: sizes go in a data descriptor after each file, so nothing is held but the
 * deflate window). Every entry bears the same fixed date (ENTRY_DATE), so the same tables give the
 * same bytes (a release's export twice, or after later writes). Files must not come back once another has begun.
 *
 * Usage: `for await (const bytes of zipFiles(csvTables(executor, scope, mode))) out.write(bytes)`
 */
/** 1980-01-01 00:00, the zip format's first day, in local time as the DOS date fields hold it: the same bytes in any time zone. */
const ENTRY_DATE = new Date(1980, 0, 1);

export async function* zipFiles(pieces: AsyncIterable<FilePiece>): AsyncGenerator<Uint8Array> {
  let out: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, data) => {
    if (error) failure = error;
    else out.push(data);
  });
  let current: { name: string; deflate: ZipDeflate } | null = null;
  const done = new Set<string>();
  const flush = function* () {
    if (failure) throw failure;
    yield* out;
    out = [];
  };
  for await (const { file, text } of pieces) {
    if (current === null || current.name !== file) {
      if (done.has(file)) throw new Error(`zipFiles: ${file} came back after another file had begun`);
      if (current) {
        current.deflate.push(new Uint8Array(0), true);
        done.add(current.name);
      }
      current = { name: file, deflate: new ZipDeflate(file, { level: 6 }) };
      current.deflate.mtime = ENTRY_DATE;
      zip.add(current.deflate);
    }
    current.deflate.push(strToU8(text));
    yield* flush();
  }
  current?.deflate.push(new Uint8Array(0), true);
  zip.end();
  yield* flush();
}
