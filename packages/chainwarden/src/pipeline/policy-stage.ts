import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SEMGREP_OUTPUT } from '../hygiene/semgrep/import.js';
import type { FindingInput } from '../policy/input/document.js';
import type { Stage } from './stage.js';

interface ScanSummaryFinding {
  readonly vulnerability: string;
  readonly aliases?: readonly string[];
  readonly class?: string;
  readonly severity?: string;
  readonly component?: string;
  readonly fixed?: readonly string[];
  readonly vex?: { readonly status?: string; readonly justification?: string };
}

/** The scan stage's findings (when it ran) as policy input findings; undefined when no scan ran in this run. */
export function scanFindings(summary: unknown): FindingInput[] | undefined {
  const list = (summary as { findings?: readonly ScanSummaryFinding[] } | undefined)?.findings;
  if (!Array.isArray(list)) return undefined;
  return (list as readonly ScanSummaryFinding[]).map((f) => ({
    id: f.vulnerability,
    aliases: f.aliases ?? [],
    class: f.class ?? null,
    severity: (f.severity ?? 'unknown').toLowerCase(),
    component: { name: f.component !== undefined && !f.component.startsWith('pkg:') ? f.component : null, version: null, purl: f.component?.startsWith('pkg:') === true ? f.component : null },
    vex: f.vex?.status !== undefined ? { state: f.vex.status, justification: f.vex.justification ?? null } : null,
    fixed_versions: f.fixed ?? [],
  }));
}

/**
 * The promotion gate, after the evidence stages: the project's policy/ over the combined input (the SBOM, provenance
 * and checksum file this run wrote, the signatures the sign stage produced, the scan stage's findings when it ran).
 * A closed gate fails the run with exit code 1; without a policy directory the stage is skipped and says how to start.
 */
export const policyStage: Stage = {
  name: 'policy',
  async run(ctx) {
    const dir = ctx.config.policy?.policy ?? 'policy';
    if (!existsSync(join(ctx.projectDir, dir))) return { status: 'skipped', detail: `no ${dir}/ directory (write a starter policy with \`chainwarden policy init\`)` };
    const { runPolicyGate } = await import('../policy/run.js');
    const { readPolicyInputParts } = await import('../policy/input/read.js');
    const sbom = ctx.outputs.get('sbom')?.files?.[0];
    const provenance = (ctx.outputs.get('provenance')?.summary as { output?: string } | undefined)?.output;
    const checksums = (ctx.outputs.get('checksums')?.summary as { output?: string } | undefined)?.output;
    const sign = ctx.outputs.get('sign')?.summary as { signed?: boolean; outputs?: readonly { file: string; bundle: string }[] } | undefined;
    // A pull-request run needs no OIDC token (fork PRs have none): signatures are required by default in release runs only.
    const required = ctx.config.policy?.['require-signatures'] ?? (ctx.mode === 'release' && (ctx.config.sign?.key !== undefined || ctx.config.sign?.keyless === true));
    // Hygiene evidence: Semgrep results imported before the run, the matrix this run built.
    const semgrep = existsSync(join(ctx.projectDir, SEMGREP_OUTPUT)) ? SEMGREP_OUTPUT : undefined;
    const matrix = (ctx.outputs.get('matrix')?.summary as { json?: string } | undefined)?.json;
    const parts = await readPolicyInputParts(ctx.projectDir, { sbom: sbom?.endsWith('.json') === true ? sbom : undefined, provenance, checksums, semgrep, matrix, signaturesRequired: required });
    // Signatures the sign stage produced in this run (`chainwarden verify` checks bundles independently).
    const signatures = sign?.signed === true ? (sign.outputs ?? []).map((o) => ({ artefact: o.file, bundle: o.bundle, verified: true, mode: null, identity: null, failure: null })) : [];
    const findings = scanFindings(ctx.outputs.get('scan')?.summary);
    const scorecardResult = ctx.outputs.get('scorecard')?.summary;
    const scorecard = scorecardResult !== undefined ? (await import('../policy/input/read.js')).scorecardPart(scorecardResult, null) : undefined;
    const report = await runPolicyGate({
      baseDir: ctx.projectDir,
      policyDir: dir,
      parts: { ...parts, signatures, ...(findings !== undefined ? { findings: { file: null, items: findings } } : {}), ...(scorecard !== undefined ? { scorecard } : {}) },
      namespaces: ctx.config.policy?.namespace,
      allNamespaces: ctx.config.policy?.['all-namespaces'],
      failOnWarn: ctx.config.policy?.['fail-on-warn'],
    });
    const c = report.counts;
    const detail = `${report.open ? 'gate open' : 'gate closed'}: ${c.rules} rule(s), ${c.failures} failure(s), ${c.warnings} warning(s)${c.excepted > 0 ? `, ${c.excepted} excepted` : ''}${c.expiredExceptions > 0 ? `, ${c.expiredExceptions} expired exception(s)` : ''}`;
    return { status: !report.open ? 'failed' : c.warnings > 0 ? 'warn' : 'ok', exitCode: report.open ? 0 : 1, detail, summary: report };
  },
};
