import type { Stage } from './stage.js';

/**
 * A sha256sum-format checksum file over everything the run produced: the provenance subjects, the SBOM and the
 * provenance itself. Names are relative to the project; the path comes from chainwarden.yaml's `checksums.output`.
 */
export const checksumsStage: Stage = {
  name: 'checksums',
  async run(ctx) {
    const { writeChecksums } = await import('../attest/checksums.js');
    const files = new Set<string>();
    for (const name of ['sbom', 'provenance']) for (const f of ctx.outputs.get(name)?.files ?? []) files.add(f);
    const summary = await writeChecksums({
      baseDir: ctx.projectDir,
      patterns: [...files],
      output: ctx.config.checksums?.output ?? 'dist/checksums.txt',
      algorithm: ctx.config.checksums?.algorithm ?? 'sha256',
      allowEmpty: true,
    });
    return { detail: `${summary.algorithm} of ${summary.files.length} file(s) -> ${summary.output}`, summary, files: [summary.output] };
  },
};
