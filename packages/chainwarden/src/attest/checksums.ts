/**
 * `chainwarden checksums`: GNU-format checksum files for artefacts, and their verification (like `sha256sum -c`).
 */
import { readFile } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { writeFileAtomic } from '../core/atomic-write.js';
import { IoError } from '../core/errors.js';
import type { SelectedFile } from '../core/select-files.js';
import { selectFiles } from '../core/select-files.js';
import type { ChecksumEntry } from './checksum-lines.js';
import { formatChecksumLine, parseChecksumLines } from './checksum-lines.js';
import type { DigestAlgorithm } from './file-digest.js';
import { digestFile } from './file-digest.js';

export interface ChecksumsOptions {
  /** Directory names are relative to (the current directory for the command, the project in `chainwarden run`). */
  readonly baseDir: string;
  /** Files or globs, relative to baseDir. */
  readonly patterns: readonly string[];
  /** Output path, relative to baseDir (or absolute). */
  readonly output: string;
  readonly algorithm?: DigestAlgorithm;
  readonly allowEmpty?: boolean;
}

export interface ChecksumsSummary {
  /** The output file, relative to baseDir (POSIX). */
  readonly output: string;
  readonly algorithm: DigestAlgorithm;
  readonly files: readonly ChecksumEntry[];
}

/** Digests files (already selected) into sorted checksum entries. */
export async function checksumEntries(files: readonly SelectedFile[], algorithm: DigestAlgorithm): Promise<ChecksumEntry[]> {
  const entries: ChecksumEntry[] = [];
  for (const file of files) {
    const digest = (await digestFile(file.path, [algorithm]))[algorithm];
    entries.push({ name: file.name, algorithm, digest });
  }
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The checksum file's text: one GNU line per entry, sorted by name, newline-terminated. */
export function renderChecksums(entries: readonly ChecksumEntry[]): string {
  return entries.map((e) => `${formatChecksumLine(e)}\n`).join('');
}

/** Selects the files, digests them and writes the checksum file atomically (never listing itself). */
export async function writeChecksums(options: ChecksumsOptions): Promise<ChecksumsSummary> {
  const baseDir = resolve(options.baseDir);
  const outputPath = resolve(baseDir, options.output);
  const algorithm = options.algorithm ?? 'sha256';
  const files = await selectFiles({ baseDir, patterns: options.patterns, allowEmpty: options.allowEmpty ?? false, exclude: [outputPath] });
  const entries = await checksumEntries(files, algorithm);
  await writeFileAtomic(outputPath, renderChecksums(entries));
  return { output: relative(baseDir, outputPath).split(sep).join('/'), algorithm, files: entries };
}

export type ChecksumStatus = 'OK' | 'FAILED' | 'MISSING';

export interface ChecksumCheck {
  readonly name: string;
  readonly algorithm: DigestAlgorithm;
  readonly status: ChecksumStatus;
  readonly expected: string;
  readonly actual?: string;
}

export interface ChecksumsVerification {
  readonly file: string;
  readonly ok: boolean;
  readonly checks: readonly ChecksumCheck[];
  readonly counts: Readonly<Record<ChecksumStatus, number>>;
}

/**
 * Verifies a checksum file (GNU or BSD tag lines, sha256 or sha512): every listed file is re-digested, names resolved
 * against baseDir (like `sha256sum -c` against the current directory). A malformed file is an InputError (exit 2).
 */
export async function verifyChecksums(checksumFile: string, baseDir: string): Promise<ChecksumsVerification> {
  let text: string;
  try {
    text = await readFile(resolve(baseDir, checksumFile), 'utf8');
  } catch (error) {
    throw new IoError(`${checksumFile}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { cause: error });
  }
  const entries = parseChecksumLines(text, checksumFile);
  const checks: ChecksumCheck[] = [];
  for (const entry of entries) {
    let actual: string;
    try {
      actual = (await digestFile(resolve(baseDir, entry.name), [entry.algorithm]))[entry.algorithm];
    } catch {
      checks.push({ name: entry.name, algorithm: entry.algorithm, status: 'MISSING', expected: entry.digest });
      continue;
    }
    checks.push({ name: entry.name, algorithm: entry.algorithm, status: actual === entry.digest ? 'OK' : 'FAILED', expected: entry.digest, actual });
  }
  const counts = { OK: 0, FAILED: 0, MISSING: 0 };
  for (const c of checks) counts[c.status]++;
  return { file: checksumFile, ok: counts.FAILED === 0 && counts.MISSING === 0 && checks.length > 0, checks, counts };
}
