import { currentActor } from '../../registry/actor.js';
import { RISK_COLUMNS } from '../../remediation/export/columns.js';
import type { ExportFormat } from '../../remediation/export/formats.js';
import { TREATMENTS } from '../../remediation/risk-assessment.js';
import type { RiskEntry, RiskStatus } from '../../remediation/risk-register.js';
import { getRisk, listRisks, RISK_STATUSES, updateRisk } from '../../remediation/risk-register.js';
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
  readonly all?: boolean;
  readonly treatment?: string;
  readonly until?: string;
  readonly reviewDate?: string;
  readonly note?: string;
  readonly expectStatus?: string;
  readonly expectRevision?: string;
  readonly format?: ExportFormat;
  readonly output?: string;
}

const LIVE: readonly RiskStatus[] = ['open', 'accepted'];

export async function riskListCommand(flags: Flags, io: CliIo): Promise<number> {
  const given = flags.status === undefined ? [] : typeof flags.status === 'string' ? [flags.status] : [...flags.status];
  const statuses = given.map((v) => enumFlag('--status', v, RISK_STATUSES) as RiskStatus);
  return withRegistry(flags, io, async ({ registry }) => {
    const now = remediationNow(io);
    const risks = await listRisks(registry, { ...(flags.product !== undefined ? { product: flags.product } : {}), status: statuses.length > 0 ? statuses : LIVE, ...(flags.owner !== undefined ? { owner: flags.owner } : {}) }, now);
    if (flags.json === true) {
      printJson(io, { asOf: dateOf(now), risks });
      return 0;
    }
    if (risks.length === 0) {
      io.stdout.write('risk: no risks (run `chainwarden backlog refresh` after a scan)\n');
      return 0;
    }
    const s = style(io.stdout, io.env);
    io.stdout.write(
      `${table([
        ['ID', 'EXPOSURE', 'L×I', 'TREATMENT', 'STATUS', 'REVIEW', 'OWNER', 'RISK'],
        ...risks.map((r) => [r.id, `${r.exposure} ${r.rating}`, `${r.likelihood.level}×${r.impact.level}`, r.treatment, r.status, r.reviewOverdue ? s.red(`${r.reviewDate} overdue`) : r.reviewDate, r.owner, r.title]),
      ])}\n`,
    );
    return 0;
  });
}

export async function riskShowCommand(id: string, flags: Flags, io: CliIo): Promise<number> {
  return withRegistry(flags, io, async ({ registry }) => {
    const r = await getRisk(registry, id, remediationNow(io));
    if (flags.json === true) printJson(io, r);
    else io.stdout.write(renderRisk(r, io));
    return 0;
  });
}

export async function riskUpdateCommand(id: string, flags: Flags, io: CliIo): Promise<number> {
  const treatment = enumFlag('--treatment', flags.treatment, TREATMENTS);
  const expectStatus = enumFlag('--expect-status', flags.expectStatus, RISK_STATUSES);
  const expectRevision = revisionFlag(flags.expectRevision);
  return withRegistry(flags, io, async ({ registry, config }) => {
    const r = await updateRisk(
      registry,
      id,
      {
        ...(treatment !== undefined ? { treatment } : {}),
        ...(flags.owner !== undefined ? { owner: flags.owner } : {}),
        ...(flags.reviewDate !== undefined ? { reviewDate: flags.reviewDate } : {}),
        ...(flags.until !== undefined ? { acceptedUntil: flags.until } : {}),
        ...(flags.note !== undefined ? { note: flags.note } : {}),
      },
      {
        actor: currentActor(io.env),
        now: remediationNow(io),
        ...(expectStatus !== undefined ? { expectStatus } : {}),
        ...(expectRevision !== undefined ? { expectRevision } : {}),
        ...(config.risk?.['acceptance-days'] !== undefined ? { maxAcceptanceDays: config.risk['acceptance-days'] } : {}),
      },
    );
    if (flags.json === true) printJson(io, r);
    else io.stdout.write(`risk: ${r.id} is ${r.status}, treatment ${r.treatment}${r.acceptedUntil !== undefined ? ` until ${r.acceptedUntil}` : ''}, residual ${r.residual.exposure} ${r.residual.rating}, review ${r.reviewDate} (revision ${r.revision})\n`);
    return 0;
  });
}

export async function riskExportCommand(flags: Flags, io: CliIo): Promise<number> {
  return withRegistry(flags, io, async ({ registry, projectDir }) => {
    const now = remediationNow(io);
    const rows = await listRisks(registry, { ...(flags.product !== undefined ? { product: flags.product } : {}), status: flags.all === true ? [] : LIVE }, now);
    await writeExport({ kind: 'risk', title: 'Risk register', asOf: dateOf(now), rows, columns: RISK_COLUMNS }, flags.format ?? 'markdown', flags.output, projectDir, io);
    return 0;
  });
}

function renderRisk(r: RiskEntry, io: CliIo): string {
  const s = style(io.stdout, io.env);
  const lines = [
    `${s.bold(r.id)} ${r.title}`,
    table([
      ['product', r.product],
      ['likelihood', `${r.likelihood.level} ${r.likelihood.label}: ${r.likelihood.basis.join('; ')}`],
      ['impact', `${r.impact.level} ${r.impact.label}: ${r.impact.basis.join('; ')}`],
      ['exposure', `${r.exposure} ${r.rating} (likelihood × impact)`],
      ['treatment', `${r.treatment}${r.acceptedUntil !== undefined ? ` until ${r.acceptedUntil}` : ''}`],
      ['residual', `${r.residual.exposure} ${r.residual.rating} (${r.residual.basis})`],
      ['status', `${r.status}${r.reason !== undefined ? ` (${r.reason})` : ''}`],
      ['owner', r.owner],
      ['review', `${r.reviewDate}${r.reviewOverdue ? ' OVERDUE' : ''}`],
      ['backlog', r.links.backlog],
      ['findings', r.links.findings.join(', ')],
      ['revision', String(r.revision)],
    ]),
  ];
  if (r.links.vex.length > 0) lines.push(s.bold('VEX'), ...r.links.vex.map((v) => `  ${v.vulnerability}: ${v.status}${v.justification !== undefined ? ` (${v.justification})` : ''} — ${v.document} ${v.at}`));
  if (r.notes.length > 0) lines.push(s.bold('notes'), ...r.notes.map((n) => `  ${n.at} ${n.actor}: ${n.text}`));
  return `${lines.join('\n')}\n`;
}
