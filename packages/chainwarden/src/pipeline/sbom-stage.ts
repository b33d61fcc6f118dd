import type { Stage } from './stage.js';

/** Stage 1: the SBOM from every lockfile (chainwarden.yaml's `sbom` section applies). */
export const sbomStage: Stage = {
  name: 'sbom',
  async run(ctx) {
    const [{ writeSbom }, { sbomOptions }] = await Promise.all([import('../sbom/generate.js'), import('../sbom/options.js')]);
    const result = await writeSbom(sbomOptions(ctx.projectDir, ctx.config.sbom, {}, ctx.env));
    const c = result.summary.components;
    return {
      detail: `${c.total} components from ${result.summary.lockfiles.length} lockfile(s) -> ${result.summary.output}`,
      summary: result.summary,
      files: [result.summary.output],
    };
  },
};
