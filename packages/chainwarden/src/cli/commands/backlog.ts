import { currentActor } from '../../registry/actor.js';
import type { BacklogEntry, BacklogStatus } from '../../remediation/backlog-entry.js';
import { BACKLOG_STATUSES } from '../../remediation/backlog-entry.js';
import { getBacklogEntry, listBacklog, updateBacklogEntry } from '../../remediation/backlog-repository.js';
import { BACKLOG_COLUMNS } from '../../remediation/export/columns.js';
import type { ExportFormat } from '../../remediation/export/formats.js';
import { refreshRemediation } from '../../remediation/refresh.js';
import { dateOf } from '../../remediation/severity.js';
import type { CliIo } from '../io.js';
import { style, table } from '../io.js';
import type { RegistryFlags } from './registry-open.js';
import { printJson, withRegistry } from './registry-open.js';
import { enumFlag, remediationNow, revisionFlag, writeExport } from './remediation-common.js';

interface Flags extends RegistryFlags {
  readonly json?: boolean;
  readonly product?: string;
  readonly status?: readonly string[] | string;
  readonly owner?: string;
  readonly overdue?: boolean;
  readonly all?: boolean;
  readonly until?: string;
  readonly note?: string;
  readonly expectStatus?: string;
  readonly expectRevision?: string;
  readonly format?: ExportFormat;
  readonly output?: string;
}

const ACTIVE: readonly BacklogStatus[] = ['open', 'in-progress', 'accepted'];

export async function backlogRefreshCommand(flags: Flags, io: CliIo): Promise<number> {
  return withRegistry(flags, io, async ({ registry, projectDir, config }) => {
    const result = await refreshRemediation(registry, { projectDir, config, actor: currentActor(io.env), now: remediationNow(io) });
    for (const w of result.ownerWarnings) io.stderr.write(`backlog: warning: ${w}\n`);
    if (flags.json === true) {
      printJson(io, result);
      return 0;
    }
    const b = result.backlog;
    const s = style(io.stdout, io.env);
    io.stdout.write(`${s.bold('backlog')} refreshed from ${b.products.length} product(s): ${b.products.map((p) => `${p.product} (scan ${p.scan}, ${p.units} entries)`).join(', ') || 'no scan recorded yet (run `chainwarden scan`)'}\n`);
    io.stdout.write(
      `${table([
        ['created', String(b.created.length)],
        ['resolved', String(b.resolved.length)],
        ['reopened', String(b.reopened.length)],
        ['updated', String(b.updated.length)],
        ['unchanged', String(b.unchanged)],
        ['KEV due dates', String(b.kev)],
        ['risks', `${result.risk.created.length} created, ${result.risk.closed.length} closed, ${result.risk.reopened.length} reopened, ${result.risk.rescored.length} rescored`],
      ])}\n`,
    );
    return 0;
  });
}

export async function backlogListCommand(flags: Flags, io: CliIo): Promise<number> {
  const statuses = list(flags.status).map((v) => enumFlag('--status', v, BACKLOG_STATUSES) as BacklogStatus);
  return withRegistry(flags, io, async ({ registry }) => {
    const now = remediationNow(io);
    const entries = await listBacklog(
      registry,
      {
        ...(flags.product !== undefined ? { product: flags.product } : {}),
        status: statuses.length > 0 ? statuses : flags.all === true ? [] : ACTIVE,
        ...(flags.owner !== undefined ? { owner: flags.owner } : {}),
        ...(flags.overdue === true ? { overdue: true } : {}),
      },
      now,
    );
    if (flags.json === true) {
      printJson(io, { asOf: dateOf(now), entries });
      return 0;
    }
    const s = style(io.stdout, io.env);
    if (entries.length === 0) {
      io.stdout.write('backlog: no entries (run `chainwarden scan` and `chainwarden backlog refresh`)\n');
      return 0;
    }
    const paint = (sev: string): string => (sev === 'critical' || sev === 'high' ? s.red(sev) : sev === 'medium' ? s.yellow(sev) : sev);
    io.stdout.write(
      `${table([
        ['ID', 'SEVERITY', 'DUE', 'STATUS', 'OWNER', 'PRODUCT', 'ITEM'],
        ...entries.map((e) => [e.id, paint(e.severity), e.overdue ? s.red(`${e.dueDate} overdue`) : e.dueDate, e.status, e.owner, e.product, e.title]),
      ])}\n`,
    );
    const overdue = entries.filter((e) => e.overdue).length;
    io.stdout.write(`${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}${overdue > 0 ? `, ${s.red(`${overdue} overdue`)}` : ''} (as of ${dateOf(now)})\n`);
    return 0;
  });
}

export async function backlogShowCommand(id: string, flags: Flags, io: CliIo): Promise<number> {
  return withRegistry(flags, io, async ({ registry }) => {
    const e = await getBacklogEntry(registry, id, remediationNow(io));
    if (flags.json === true) printJson(io, e);
    else io.stdout.write(renderEntry(e, io));
    return 0;
  });
}

export async function backlogUpdateCommand(id: string, flags: Flags & { readonly status?: string }, io: CliIo): Promise<number> {
  const status = enumFlag('--status', flags.status, BACKLOG_STATUSES);
  const expectStatus = enumFlag('--expect-status', flags.expectStatus, BACKLOG_STATUSES);
  const expectRevision = revisionFlag(flags.expectRevision);
  return withRegistry(flags, io, async ({ registry, config }) => {
    const e = await updateBacklogEntry(
      registry,
      id,
      { ...(status !== undefined ? { status } : {}), ...(flags.owner !== undefined ? { owner: flags.owner } : {}), ...(flags.note !== undefined ? { note: flags.note } : {}), ...(flags.until !== undefined ? { acceptedUntil: flags.until } : {}) },
      {
        actor: currentActor(io.env),
        now: remediationNow(io),
        ...(expectStatus !== undefined ? { expectStatus } : {}),
        ...(expectRevision !== undefined ? { expectRevision } : {}),
        ...(config.risk?.['acceptance-days'] !== undefined ? { maxAcceptanceDays: config.risk['acceptance-days'] } : {}),
      },
    );
    if (flags.json === true) printJson(io, e);
    else io.stdout.write(`backlog: ${e.id} is ${e.status}${e.acceptedUntil !== undefined ? ` until ${e.acceptedUntil}` : ''}, owner ${e.owner} (revision ${e.revision})\n`);
    return 0;
  });
}

export async function backlogExportCommand(flags: Flags, io: CliIo): Promise<number> {
  return withRegistry(flags, io, async ({ registry, projectDir }) => {
    const now = remediationNow(io);
    const rows = await listBacklog(registry, { ...(flags.product !== undefined ? { product: flags.product } : {}), status: flags.all === true ? [] : ACTIVE }, now);
    await writeExport({ kind: 'backlog', title: 'Remediation backlog', asOf: dateOf(now), rows, columns: BACKLOG_COLUMNS }, flags.format ?? 'markdown', flags.output, projectDir, io);
    return 0;
  });
}

function list(v: readonly string[] | string | undefined): string[] {
  return v === undefined ? [] : typeof v === 'string' ? [v] : [...v];
}

function renderEntry(e: BacklogEntry, io: CliIo): string {
  const s = style(io.stdout, io.env);
  const lines = [
    `${s.bold(e.id)} ${e.title}`,
    table([
      ['product', e.product],
      ['component', `${e.component.purl ?? e.component.name} ${e.component.versions.join(', ')}`],
      ['severity', e.severity],
      ['status', `${e.status}${e.resolution !== undefined ? ` (${e.resolution})` : ''}${e.acceptedUntil !== undefined ? ` until ${e.acceptedUntil}` : ''}`],
      ['owner', `${e.owner} (${e.ownerSource})`],
      ['first seen', e.firstSeen],
      ['due', `${e.dueDate}${e.overdue ? ' OVERDUE' : ''} (${e.dueSource})`],
      ['scan', String(e.scanId)],
      ['revision', String(e.revision)],
    ]),
    s.bold('findings'),
    table([
      ['VULNERABILITY', 'SEVERITY', 'SCORE', 'FIXED', 'ADVISORIES', 'VEX'],
      ...e.findings.map((f) => [f.vulnerability, f.severity, f.score !== undefined ? String(f.score) : '-', f.fixed.join(', ') || '-', f.advisories.join(', '), f.vex !== undefined ? `${f.vex.status}${f.vex.justification !== undefined ? ` (${f.vex.justification})` : ''}` : '-']),
    ]),
  ];
  if (e.notes.length > 0) lines.push(s.bold('notes'), ...e.notes.map((n) => `  ${n.at} ${n.actor}: ${n.text}`));
  return `${lines.join('\n')}\n`;
}
