import type { Stage } from './stage.js';

/**
 * Signs what the evidence stages wrote (the SBOM and checksum file get message signatures, the provenance a DSSE
 * bundle): keyless with an OIDC token, with a key if one is configured. Otherwise the run stays in the interim mode
 * (digests and checksums only) and the artefacts are labelled unsigned: a warning in a release run, the expected
 * state of a pull-request run (fork PRs get no OIDC token), never a failure.
 */
export const signStage: Stage = {
  name: 'sign',
  async run(ctx) {
    const { signOutputs } = await import('../attest/sign-outputs.js');
    const provenance = ctx.outputs.get('provenance')?.summary as { output?: string } | undefined;
    const files = new Set<string>();
    for (const name of ['sbom', 'checksums']) for (const f of ctx.outputs.get(name)?.files ?? []) files.add(f);
    const statements = provenance?.output !== undefined ? [provenance.output] : [];
    const summary = await signOutputs({ projectDir: ctx.projectDir, env: ctx.env, config: ctx.config.sign, files: [...files].filter((f) => !statements.includes(f)), statements });
    if (!summary.signed) {
      const reason = summary.reason ?? 'no key or OIDC token';
      if (ctx.mode === 'pr') return { status: 'ok', detail: `interim, unsigned (pull-request run, ${reason}): ${summary.unsigned.length} digest(s) in the checksum file`, summary };
      return { status: 'warn', detail: `interim, unsigned: ${reason}`, summary };
    }
    return {
      detail: `${summary.outputs.length} bundle(s), ${summary.mode === 'key' ? 'key' : 'keyless'} -> ${summary.outputs.map((o) => o.bundle).join(', ')}`,
      summary,
      files: summary.outputs.map((o) => o.bundle),
    };
  },
};
