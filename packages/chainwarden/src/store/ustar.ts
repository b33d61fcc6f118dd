/**
 * A small deterministic ustar (POSIX.1-1988) writer: regular files only, uid/gid 0, no user or group names, the
 * mode and mtime the caller gives, entries in the order given, two zero blocks at the end. Names longer than 100
 * bytes are split into prefix and name at a `/` (ustar's limit: 155 + 100 bytes); longer ones are refused.
 */
import { StoreError } from './errors.js';

export interface TarFile {
  /** Relative path with `/` separators. */
  readonly path: string;
  readonly content: Uint8Array;
  /** Seconds since the epoch. */
  readonly mtime: number;
  /** Default 0o644. */
  readonly mode?: number;
}

const BLOCK = 512;
const MAX_SIZE = 8 ** 11 - 1;

function octal(value: number, width: number): string {
  // width - 1 digits and a NUL.
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

function splitName(path: string): { name: Buffer; prefix: Buffer } {
  const whole = Buffer.from(path, 'utf8');
  if (whole.length <= 100) return { name: whole, prefix: Buffer.alloc(0) };
  for (let i = path.indexOf('/'); i !== -1; i = path.indexOf('/', i + 1)) {
    const prefix = Buffer.from(path.slice(0, i), 'utf8');
    const name = Buffer.from(path.slice(i + 1), 'utf8');
    if (prefix.length <= 155 && name.length <= 100 && name.length > 0) return { name, prefix };
  }
  throw new StoreError('STORE_INVALID', `${path}: too long for a ustar archive (at most 155 + 100 bytes, split at a "/"); export it as a folder`);
}

function header(file: TarFile): Buffer {
  const block = Buffer.alloc(BLOCK);
  const { name, prefix } = splitName(file.path);
  if (file.content.byteLength > MAX_SIZE) throw new StoreError('STORE_INVALID', `${file.path}: larger than a ustar archive can hold (8 GiB)`);
  name.copy(block, 0);
  block.write(octal(file.mode ?? 0o644, 8), 100, 'ascii');
  block.write(octal(0, 8), 108, 'ascii');
  block.write(octal(0, 8), 116, 'ascii');
  block.write(octal(file.content.byteLength, 12), 124, 'ascii');
  block.write(octal(Math.max(0, Math.floor(file.mtime)), 12), 136, 'ascii');
  block.write('        ', 148, 'ascii');
  block.write('0', 156, 'ascii');
  block.write('ustar\u000000', 257, 'ascii');
  prefix.copy(block, 345);
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return block;
}

/** The archive's bytes. */
export function ustar(files: readonly TarFile[]): Buffer {
  const parts: Buffer[] = [];
  for (const file of files) {
    parts.push(header(file), Buffer.from(file.content));
    const pad = (BLOCK - (file.content.byteLength % BLOCK)) % BLOCK;
    if (pad > 0) parts.push(Buffer.alloc(pad));
  }
  parts.push(Buffer.alloc(2 * BLOCK));
  return Buffer.concat(parts);
}
