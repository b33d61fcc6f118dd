import { crc32, inflateRawSync } from 'node:zlib';
import { ArchiveError } from './errors.js';

/** Limits that make a zip bomb fail fast instead of filling memory. */
export interface ZipLimits {
  /** Largest single entry, expanded. */
  readonly maxEntryBytes: number;
  /** Largest sum of expanded entries. */
  readonly maxTotalBytes: number;
  /** Largest expansion ratio of an entry bigger than 1 MiB. */
  readonly maxRatio: number;
  readonly maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntryBytes: 64 * 2 ** 20, maxTotalBytes: 4 * 2 ** 30, maxRatio: 200, maxEntries: 2_000_000 };

export interface ZipEntry {
  readonly name: string;
  /** Expands the entry (checked against the limits and its CRC-32). */
  read(): Buffer;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * A small zip reader (stored and deflated entries, no ZIP64, no encryption) for OSV's `all.zip` exports.
 * The whole archive is refused when any entry name could escape a target directory (zip-slip: `..`, absolute
 * paths, drive letters, backslashes) or when declared sizes are absurd (zip bomb); each entry is inflated
 * with an output cap, so a lying header cannot expand past the limits either.
 */
export function readZip(buf: Buffer, file: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry[] {
  const fail = (message: string): never => {
    throw new ArchiveError(message, { file });
  };
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) fail('not a zip archive (no end-of-central-directory record)');
  const count = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) fail('ZIP64 archives are not supported');
  if (count > limits.maxEntries) fail(`too many entries (${count})`);
  const entries: ZipEntry[] = [];
  let total = 0;
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) fail(`corrupt central directory at entry ${n + 1}`);
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    p += 46 + nameLength + extraLength + commentLength;
    if (unsafeName(name)) fail(`entry "${name}" would escape the target directory (zip-slip); archive refused`);
    if (name.endsWith('/')) continue;
    if ((flags & 1) !== 0) fail(`entry "${name}" is encrypted`);
    if (method !== 0 && method !== 8) fail(`entry "${name}" uses compression method ${method} (only stored and deflate are supported)`);
    if (size > limits.maxEntryBytes) fail(`entry "${name}" expands to ${size} bytes (limit ${limits.maxEntryBytes}); refused as a zip bomb`);
    if (size > 2 ** 20 && compressed > 0 && size / compressed > limits.maxRatio) {
      fail(`entry "${name}" expands ${Math.round(size / compressed)}x; refused as a zip bomb`);
    }
    total += size;
    if (total > limits.maxTotalBytes) fail(`entries expand to more than ${limits.maxTotalBytes} bytes; refused as a zip bomb`);
    entries.push({
      name,
      read: () => {
        if (localOffset + 30 > buf.length || buf.readUInt32LE(localOffset) !== LOCAL) fail(`entry "${name}": corrupt local header`);
        const start = localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
        const raw = buf.subarray(start, start + compressed);
        let data: Buffer;
        try {
          data = method === 0 ? Buffer.from(raw) : inflateRawSync(raw, { maxOutputLength: Math.max(size, 1) });
        } catch (error) {
          return fail(`entry "${name}" cannot be inflated or expands past its declared size (${size} bytes): ${(error as Error).message}`);
        }
        if (data.length !== size) fail(`entry "${name}": expanded to ${data.length} bytes, header says ${size}`);
        if (crc32(data) !== crc) fail(`entry "${name}": CRC-32 mismatch`);
        return data;
      },
    });
  }
  return entries;
}

function unsafeName(name: string): boolean {
  return name.includes('\\') || name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.split('/').includes('..') || name.includes('\0');
}
