import type { DigestAlgorithm } from '../../attest/file-digest.js';
import { verifyChecksums, writeChecksums } from '../../attest/checksums.js';
import { UsageError } from '../../core/errors.js';
import type { CliIo } from '../io.js';
import { style, table } from '../io.js';

export interface ChecksumsFlags {
  readonly output?: string;
  readonly algorithm?: DigestAlgorithm;
  readonly allowEmpty?: boolean;
  readonly json?: boolean;
}

export async function checksumsCommand(files: readonly string[], flags: ChecksumsFlags, io: CliIo): Promise<number> {
  if (files.length === 0) throw new UsageError('checksums: name at least one file or glob (e.g. chainwarden checksums "dist/*.whl")');
  const summary = await writeChecksums({
    baseDir: io.cwd,
    patterns: files,
    output: flags.output ?? 'dist/checksums.txt',
    algorithm: flags.algorithm ?? 'sha256',
    allowEmpty: flags.allowEmpty === true,
  });
  if (flags.json === true) {
    io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    return 0;
  }
  const s = style(io.stdout, io.env);
  io.stdout.write(`${s.bold('checksums')} ${summary.algorithm}, ${summary.files.length} file(s) -> ${summary.output}\n`);
  if (summary.files.length > 0) io.stdout.write(`${table(summary.files.map((f) => [f.digest, f.name]))}\n`);
  return 0;
}

export async function checksumsVerifyCommand(file: string, flags: { json?: boolean }, io: CliIo): Promise<number> {
  const result = await verifyChecksums(file, io.cwd);
  if (flags.json === true) {
    io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return result.ok ? 0 : 1;
  }
  const s = style(io.stdout, io.env);
  for (const check of result.checks) {
    const status = check.status === 'OK' ? s.green('OK') : s.red(check.status);
    io.stdout.write(`${check.name}: ${status}\n`);
  }
  const { FAILED, MISSING } = result.counts;
  if (result.checks.length === 0) io.stderr.write(`chainwarden: ${file}: no checksum lines found\n`);
  if (FAILED > 0) io.stderr.write(`chainwarden: WARNING: ${FAILED} computed checksum(s) did NOT match\n`);
  if (MISSING > 0) io.stderr.write(`chainwarden: WARNING: ${MISSING} listed file(s) could not be read\n`);
  return result.ok ? 0 : 1;
}
