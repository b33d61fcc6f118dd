/** What the backlog and risk commands share: the clock, the export writer, number flags. */
import { resolve } from 'node:path';
import { writeFileAtomic } from '../../core/atomic-write.js';
import { sourceDateEpoch } from '../../core/clock.js';
import { UsageError } from '../../core/errors.js';
import type { ExportDocument } from '../../remediation/export/formats.js';
import { EXPORT_FORMATS } from '../../remediation/export/formats.js';
import type { ExportFormat } from '../../remediation/export/formats.js';
import type { CliIo } from '../io.js';

/** "Now" for due dates, overdue flags and exports: SOURCE_DATE_EPOCH when set (reproducible), else the clock. */
export function remediationNow(io: CliIo): Date {
  return sourceDateEpoch(io.env) ?? new Date();
}

export function revisionFlag(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const text = typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
  if (!/^\d+$/u.test(text)) throw new UsageError(`--expect-revision must be a whole number, got "${text}"`);
  return Number(text);
}

export function enumFlag<T extends string>(name: string, value: unknown, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly unknown[]).includes(value)) throw new UsageError(`${name} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
  return value as T;
}

export async function writeExport<T>(doc: ExportDocument<T>, format: ExportFormat, output: string | undefined, projectDir: string, io: CliIo): Promise<void> {
  const text = EXPORT_FORMATS[format](doc);
  if (output === undefined) {
    io.stdout.write(text);
    return;
  }
  await writeFileAtomic(resolve(projectDir, output), text);
  io.stderr.write(`${doc.kind}: ${doc.rows.length} entr${doc.rows.length === 1 ? 'y' : 'ies'} written to ${output} (${format})\n`);
}
