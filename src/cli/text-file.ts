/**
 * Reading the CLI's input files as text, without ever turning "Café" into "Caf�" in silence.
 *
 * - A UTF-8 byte-order mark is dropped (the browser drops it too).
 * - UTF-16 (with its byte-order mark, as Excel's "Unicode text" writes it) is decoded, with a notice.
 * - Bytes that are not UTF-8 (a Latin-1 / Windows-1252 spreadsheet) are either decoded as
 *   Windows-1252 with a notice (`import`), or refused with the byte offset (`validate`: the
 *   browser would read the file as UTF-8 and show "�").
 *
 * Node-only.
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { realpathSync } from 'node:fs';

export type TextRead = { ok: true; text: string; notice?: string } | { ok: false; message: string; missing?: boolean };

/** Windows-1252's characters for bytes 0x80-0x9F (undefined bytes stay as they are). */
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Windows-1252 bytes as text (Node's TextDecoder reads this label as ISO-8859-1, which garbles 0x80-0x9F). */
function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b)));
  }
  return out;
}

/** The offset of the first byte that is not valid UTF-8, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return -1;
  } catch {
    // Find the offset by decoding growing prefixes in chunks (rare path: a file that is not UTF-8).
    let lo = 0;
    let hi = bytes.length;
    while (hi - lo > 4) {
      const mid = Math.floor((lo + hi) / 2);
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
        lo = mid;
      } catch {
        hi = mid;
      }
    }
    return lo;
  }
}

/**
 * Decode a file's bytes. `legacy`: what to do with bytes that are not UTF-8 ('windows-1252'
 * decodes them with a notice, 'refuse' says why not).
 */
function decodeText(bytes: Uint8Array, legacy: 'windows-1252' | 'refuse'): TextRead {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  else if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    if (legacy === 'refuse') {
      return { ok: false, message: `the file is ${encoding.toUpperCase()} text; save it as UTF-8 (browsers read datasets as UTF-8)` };
    }
    try {
      const text = new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(2));
      return { ok: true, text, notice: `the file is ${encoding.toUpperCase()} text (it has a byte-order mark); read as such` };
    } catch {
      return { ok: false, message: `the file starts like ${encoding.toUpperCase()} text but is not; save it as UTF-8` };
    }
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad < 0) return { ok: true, text: new TextDecoder('utf-8').decode(bytes) };
  if (legacy === 'refuse') {
    return {
      ok: false,
      message: `the file is not UTF-8 (byte ${bad} is not valid UTF-8; a browser would show "\u{fffd}"); save it as UTF-8`,
    };
  }
  return {
    ok: true,
    text: decodeWindows1252(bytes),
    notice: `the file is not UTF-8 (byte ${bad}); read as Windows-1252 (Latin-1). Check accented letters, or save the sheet as "CSV UTF-8"`,
  };
}

/** Read a file as text (see decodeText). */
export async function readTextFile(file: string, legacy: 'windows-1252' | 'refuse'): Promise<TextRead> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, message: 'no such file', missing: true };
    if (code === 'EISDIR') return { ok: false, message: 'is a folder, not a file', missing: true };
    return { ok: false, message: `cannot read the file (${code ?? String(error)})`, missing: true };
  }
  return decodeText(bytes, legacy);
}

/** The real path of a file, or its absolute path when it does not exist yet. */
function realOrAbsolute(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return resolve(file);
  }
}

/**
 * Why `out` cannot be written as the output of reading `input`, in words, or undefined when
 * it can: the same file as the input (it would be overwritten), or a folder.
 */
export async function outputProblem(out: string, input: string): Promise<string | undefined> {
  if (out === '') return '--out needs a file name';
  if (realOrAbsolute(out) === realOrAbsolute(input)) {
    return `--out ${out} is the input file; refusing to overwrite it. Give another file name, e.g. --out dataset.json`;
  }
  try {
    if ((await stat(out)).isDirectory()) {
      return `--out ${out} is a folder; give a file name, e.g. --out ${out.replace(/[\\/]+$/, '')}/dataset.json`;
    }
  } catch {
    // does not exist yet: fine
  }
  return undefined;
}
