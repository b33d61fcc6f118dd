/**
 * The GNU coreutils checksum line format (`sha256sum`, `sha512sum`): `<hex>  <name>`, or `<hex> *<name>` (binary
 * mode, same digest). A name with a backslash, newline or carriage return is escaped (`\\`, `\n`, `\r`) and the line
 * starts with a backslash. The BSD tag form `SHA256 (<name>) = <hex>` (`--tag`) is read as well.
 */
import { InputError } from '../core/errors.js';
import type { DigestAlgorithm } from './file-digest.js';
import { DIGEST_ALGORITHMS, DIGEST_HEX_LENGTH } from './file-digest.js';

export interface ChecksumEntry {
  readonly name: string;
  readonly algorithm: DigestAlgorithm;
  /** Lowercase hex. */
  readonly digest: string;
}

/** Renders one line (without the newline), exactly as GNU `sha256sum` would. */
export function formatChecksumLine(entry: ChecksumEntry): string {
  const needsEscape = /[\\\n\r]/.test(entry.name);
  if (!needsEscape) return `${entry.digest}  ${entry.name}`;
  const escaped = entry.name.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
  return `\\${entry.digest}  ${escaped}`;
}

function unescapeName(text: string): string | undefined {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = text[++i];
    if (next === '\\') out += '\\';
    else if (next === 'n') out += '\n';
    else if (next === 'r') out += '\r';
    else return undefined;
  }
  return out;
}

const GNU_LINE = /^(\\?)([0-9a-fA-F]+) ([ *])(.+)$/;
const TAG_LINE = /^(\\?)(SHA256|SHA512) \((.+)\) = ([0-9a-fA-F]+)$/;

function algorithmForHex(hex: string): DigestAlgorithm | undefined {
  return DIGEST_ALGORITHMS.find((alg) => DIGEST_HEX_LENGTH[alg] === hex.length);
}

/**
 * Parses a checksum file. Blank lines and `#` comments are skipped; any other line that is not a checksum line is an
 * InputError naming the file and line (no partial verification of a damaged file).
 */
export function parseChecksumLines(text: string, file: string): ChecksumEntry[] {
  const entries: ChecksumEntry[] = [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  lines.forEach((raw, index) => {
    const line = raw.endsWith('\r') && !raw.startsWith('\\') ? raw.slice(0, -1) : raw;
    if (line.trim() === '' || line.startsWith('#')) return;
    const bad = (why: string): never => {
      throw new InputError(`not a checksum line (${why})`, { file, line: index + 1 });
    };
    const tag = TAG_LINE.exec(line);
    const gnu = tag === null ? GNU_LINE.exec(line) : null;
    let escaped: boolean;
    let hex: string;
    let rawName: string;
    let algorithm: DigestAlgorithm | undefined;
    if (tag !== null) {
      escaped = tag[1] === '\\';
      algorithm = (tag[2] as string).toLowerCase() as DigestAlgorithm;
      rawName = tag[3] as string;
      hex = tag[4] as string;
      if (hex.length !== DIGEST_HEX_LENGTH[algorithm]) bad(`a ${algorithm} digest has ${DIGEST_HEX_LENGTH[algorithm]} hex digits, found ${hex.length}`);
    } else if (gnu !== null) {
      escaped = gnu[1] === '\\';
      hex = gnu[2] as string;
      rawName = gnu[4] as string;
      algorithm = algorithmForHex(hex);
      if (algorithm === undefined) bad(`a digest of ${hex.length} hex digits is neither sha256 (64) nor sha512 (128)`);
    } else {
      return bad('expected "<hex digest>  <file name>"');
    }
    const name = escaped ? unescapeName(rawName) : rawName;
    if (name === undefined) return bad('invalid escape in the file name');
    entries.push({ name, algorithm: algorithm as DigestAlgorithm, digest: hex.toLowerCase() });
  });
  return entries;
}
