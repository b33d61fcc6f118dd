import type { Stage } from './stage.js';

/**
 * The last stage: signs what the earlier stages wrote (the SBOM and checksum file get message signatures, the
 * provenance a DSSE bundle) when a key or an OIDC token is available; otherwise warns that the artefacts are unsigned.
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
    if (!summary.signed) return { status: 'warn', detail: `unsigned: ${summary.reason ?? 'no key or OIDC token'}`, summary };
    return {
      detail: `${summary.outputs.length} bundle(s), ${summary.mode === 'key' ? 'key' : 'keyless'} -> ${summary.outputs.map((o) => o.bundle).join(', ')}`,
      summary,
      files: summary.outputs.map((o) => o.bundle),
    };
  },
};
