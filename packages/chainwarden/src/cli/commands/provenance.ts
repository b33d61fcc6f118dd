import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Attestation } from '../../attest/attestation-document.js';
import { readAttestations } from '../../attest/attestation-document.js';
import type { ProvenanceSummary } from '../../attest/provenance.js';
import { writeProvenance } from '../../attest/provenance.js';
import type { ProvenanceFlags } from '../../attest/provenance-options.js';
import { provenanceOptions } from '../../attest/provenance-options.js';
import { verifyProvenance } from '../../attest/provenance-verify.js';
import { loadConfig } from '../../core/config.js';
import { IoError } from '../../core/errors.js';
import type { CliIo } from '../io.js';
import { style, table } from '../io.js';

const NOT_VERIFIED = 'signatures were not verified (use chainwarden verify for signed attestations)';

function digestText(digest: Readonly<Record<string, string>> | undefined): string {
  return Object.entries(digest ?? {})
    .map(([alg, d]) => `${alg}:${d}`)
    .join(' ');
}

export function renderProvenanceSummary(summary: ProvenanceSummary, io: CliIo): string {
  const s = style(io.stdout, io.env);
  const src = summary.source;
  const source = src.unknown !== undefined ? `unknown (${src.unknown})` : `${src.uri ?? '(no remote)'}${src.ref !== undefined ? ` ${src.ref}` : ''}${src.commit !== undefined ? ` @ ${src.commit}` : ''}`;
  const lines = [`${s.bold('provenance')} SLSA v1, in-toto Statement v1`];
  lines.push(
    table([
      ['builder', `${summary.builderId} (${summary.environment})`],
      ['source', source],
      ...summary.subjects.map((sub, i) => [i === 0 ? 'subjects' : '', `${sub.name}  ${s.dim(`sha256:${sub.digest['sha256'] ?? ''}`)}`]),
      ...summary.resolvedDependencies.slice(1).map((d, i) => [i === 0 ? 'inputs' : '', d]),
      ['started', summary.startedOn ?? s.dim('unknown')],
      ['finished', summary.finishedOn],
      ['written', summary.output],
      ['sha256', summary.sha256],
    ]),
  );
  for (const note of summary.notes) lines.push(`${s.dim('note:')} ${note}`);
  return `${lines.join('\n')}\n`;
}

export async function provenanceCommand(projectDirArg: string | undefined, flags: ProvenanceFlags, argv: readonly string[], io: CliIo): Promise<number> {
  const projectDir = resolve(io.cwd, projectDirArg ?? '.');
  const { config } = await loadConfig(projectDir);
  const result = await writeProvenance(provenanceOptions(projectDir, config, flags, { env: io.env, command: argv.map((a) => (a === projectDirArg ? projectDir : a)) }));
  if (flags.json === true) io.stdout.write(`${JSON.stringify(result.summary, null, 2)}\n`);
  else io.stdout.write(renderProvenanceSummary(result.summary, io));
  return 0;
}

export async function provenanceVerifyCommand(
  file: string,
  flags: { subject: string[]; builderId?: string; sourceUri?: string; sourceRef?: string; json?: boolean },
  io: CliIo,
): Promise<number> {
  const result = await verifyProvenance({
    file,
    subjects: flags.subject,
    baseDir: io.cwd,
    ...(flags.builderId !== undefined ? { builderId: flags.builderId } : {}),
    ...(flags.sourceUri !== undefined ? { sourceUri: flags.sourceUri } : {}),
    ...(flags.sourceRef !== undefined ? { sourceRef: flags.sourceRef } : {}),
  });
  if (flags.json === true) {
    io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return result.ok ? 0 : 1;
  }
  const s = style(io.stdout, io.env);
  for (const check of result.subjects) {
    io.stdout.write(`${check.file}: ${check.ok ? s.green('OK') : s.red('NO MATCH')}${check.matched !== undefined ? s.dim(` (subject ${check.matched.name}, ${check.matched.algorithm})`) : ''}\n`);
  }
  for (const problem of result.problems) io.stderr.write(`chainwarden: FAILED: ${problem}\n`);
  io.stdout.write(`${result.ok ? s.green('verified') : s.red('not verified')}: ${file}; ${s.dim(result.note)}\n`);
  return result.ok ? 0 : 1;
}

function renderAttestation(a: Attestation, index: number, io: CliIo): string {
  const s = style(io.stdout, io.env);
  const st = a.statement;
  const p = a.provenance;
  const wrapper = a.wrapper === 'sigstore-bundle' ? `Sigstore bundle (${a.bundleMediaType ?? ''})` : a.wrapper === 'dsse' ? 'DSSE envelope' : 'plain statement';
  const kind = st !== undefined ? `in-toto Statement ${st.version.label}, ${p !== undefined ? `SLSA provenance ${p.slsaVersion}` : st.statement.predicateType}` : 'message signature (no statement)';
  const rows: string[][] = [];
  if (p !== undefined) {
    rows.push(['builder', p.builderId], ['build type', p.buildType]);
    const src = p.source;
    rows.push(['source', src === undefined ? s.dim('not recorded') : `${src.uri ?? ''}${src.digest !== undefined ? ` ${digestText(src.digest)}` : ''}`]);
    if (src?.ref !== undefined) rows.push(['ref', src.ref]);
    if (src?.entryPoint !== undefined) rows.push(['entry point', src.entryPoint]);
    if (p.invocationId !== undefined) rows.push(['invocation', p.invocationId]);
    if (p.startedOn !== undefined) rows.push(['started', p.startedOn]);
    if (p.finishedOn !== undefined) rows.push(['finished', p.finishedOn]);
  } else if (st !== undefined) rows.push(['predicate', st.statement.predicateType]);
  if (a.messageDigest !== undefined) rows.push(['digest', `${a.messageDigest.algorithm}:${a.messageDigest.digest}`]);
  for (const [i, sub] of (st?.statement.subject ?? []).entries()) rows.push([i === 0 ? 'subjects' : '', `${sub.name ?? sub.uri ?? ''}  ${s.dim(digestText(sub.digest))}`]);
  rows.push(['signatures', `${a.signatures} (not verified)`]);
  return `${s.bold(`[${index + 1}]`)} ${kind} in a ${wrapper}${a.location !== '' ? s.dim(` at ${a.location}`) : ''}\n${table(rows)}\n`;
}

export async function provenanceInspectCommand(file: string, flags: { json?: boolean }, io: CliIo): Promise<number> {
  let text: string;
  try {
    text = await readFile(resolve(io.cwd, file), 'utf8');
  } catch (error) {
    throw new IoError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { cause: error });
  }
  const attestations = readAttestations(text, file);
  if (flags.json === true) {
    const out = attestations.map((a) => ({
      location: a.location,
      wrapper: a.wrapper,
      ...(a.bundleMediaType !== undefined ? { bundleMediaType: a.bundleMediaType } : {}),
      ...(a.payloadType !== undefined ? { payloadType: a.payloadType } : {}),
      ...(a.statement !== undefined ? { statementType: a.statement.statement._type, predicateType: a.statement.statement.predicateType } : {}),
      ...(a.provenance !== undefined ? { provenance: a.provenance } : {}),
      ...(a.messageDigest !== undefined ? { messageDigest: a.messageDigest } : {}),
      subjects: a.statement?.statement.subject ?? [],
      signatures: a.signatures,
      signaturesVerified: false,
    }));
    io.stdout.write(`${JSON.stringify({ file, attestations: out, note: NOT_VERIFIED }, null, 2)}\n`);
    return 0;
  }
  const s = style(io.stdout, io.env);
  io.stdout.write(`${s.bold('provenance')} ${file}: ${attestations.length} attestation(s)\n`);
  attestations.forEach((a, i) => io.stdout.write(renderAttestation(a, i, io)));
  io.stdout.write(`${s.yellow('note:')} ${NOT_VERIFIED}\n`);
  return 0;
}
