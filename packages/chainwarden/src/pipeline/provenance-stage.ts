import type { Stage } from './stage.js';

/**
 * SLSA v1 provenance for the build artefacts in dist/ (chainwarden.yaml's `provenance` section applies). With no
 * artefact, the subjects are the SBOM the sbom stage wrote. startedOn is when `chainwarden run` began.
 */
export const provenanceStage: Stage = {
  name: 'provenance',
  async run(ctx) {
    const [{ writeProvenance }, { provenanceOptions }] = await Promise.all([import('../attest/provenance.js'), import('../attest/provenance-options.js')]);
    const sboms = ctx.outputs.get('sbom')?.files ?? [];
    const options = provenanceOptions(ctx.projectDir, ctx.config, {}, { env: ctx.env, command: ['chainwarden', 'run'], startedOn: ctx.startedAt, fallbackSubjects: sboms, sboms });
    const { summary } = await writeProvenance(options);
    const what = summary.subjectsFrom === 'fallback' ? 'the SBOM (no build artefact in dist/)' : `${summary.subjects.length} artefact(s)`;
    return {
      detail: `SLSA v1 for ${what}, builder ${summary.environment} -> ${summary.output}`,
      summary,
      files: [...summary.subjects.map((s) => s.name), summary.output],
      ...(summary.source.unknown !== undefined ? { status: 'warn' as const } : {}),
    };
  },
};
