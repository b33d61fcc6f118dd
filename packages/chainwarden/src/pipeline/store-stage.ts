import type { ArtifactKind } from '../store/kinds.js';
import type { Stage, StageOutput } from './stage.js';
import { releaseOnly } from './stage.js';

/** The kind of a file an earlier stage wrote, by stage; other stages' files get the kind their name suggests. */
const FILE_KINDS: Readonly<Record<string, (file: string, output: StageOutput) => ArtifactKind | undefined>> = {
  sbom: () => 'sbom',
  provenance: (file, output) => (file === (output.summary as { output?: string } | undefined)?.output ? 'provenance' : undefined),
  checksums: () => 'checksums',
  sign: () => 'bundle',
};

/** Stage summaries that are evidence themselves, stored as JSON reports under these names. */
const REPORTS: Readonly<Record<string, { readonly name: string; readonly kind: ArtifactKind }>> = {
  policy: { name: 'reports/policy-report.json', kind: 'policy-report' },
  scan: { name: 'reports/scan.json', kind: 'scan' },
};

/**
 * Keeps the run's evidence in the store (chainwarden.yaml `store`; default data/artifacts/supply-chain/, 365 days):
 * every file the earlier stages wrote (SBOM, provenance and its subjects, checksums, bundles) and the policy and scan
 * reports (the registry stage runs after the store), under the release id: the git tag when HEAD is tagged, else the commit sha, else `run-<UTC time>`.
 * Re-running a release replaces entries whose content changed, except those on legal hold.
 */
export const storeStage: Stage = {
  name: 'store',
  async run(ctx) {
    const skip = releaseOnly(ctx, 'the evidence store');
    if (skip) return skip;
    const [{ readFile }, path, { openStore }, { releaseIdFor }, { inferKind }, { IoError }] = await Promise.all([
      import('node:fs/promises'),
      import('node:path'),
      import('../store/open-store.js'),
      import('../store/release-id.js'),
      import('../store/kinds.js'),
      import('../core/errors.js'),
    ]);
    const read = (file: string): Promise<Buffer> =>
      readFile(path.join(ctx.projectDir, file)).catch((error: unknown) => {
        throw new IoError(`${file}: cannot read it to store it (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { cause: error });
      });
    const store = openStore({ projectDir: ctx.projectDir, env: ctx.env, ...(ctx.config.store !== undefined ? { config: ctx.config.store } : {}) });
    const release = await releaseIdFor(ctx.projectDir, ctx.env, store.now());
    const items: { name: string; content: Uint8Array; kind: ArtifactKind }[] = [];
    const names = new Set<string>();
    for (const [stage, output] of ctx.outputs) {
      for (const file of output.files ?? []) {
        if (names.has(file)) continue;
        names.add(file);
        items.push({ name: file, content: await read(file), kind: FILE_KINDS[stage]?.(file, output) ?? inferKind(file) });
      }
      const report = REPORTS[stage];
      if (report !== undefined && output.summary !== undefined && output.status !== 'skipped' && !names.has(report.name)) {
        names.add(report.name);
        items.push({ name: report.name, content: Buffer.from(`${JSON.stringify(output.summary, null, 2)}\n`), kind: report.kind });
      }
    }
    if (items.length === 0) return { status: 'skipped', detail: 'no evidence from this run to store' };
    const result = await store.put(release.id, items, { replace: true });
    const counts = (['new', 'unchanged', 'replaced'] as const).map((status) => [status, result.entries.filter((e) => e.status === status).length] as const).filter(([, n]) => n > 0);
    const expires = result.entries.map((e) => e.expires).sort()[0]?.slice(0, 10) ?? '';
    const from = release.from === 'tag' ? 'git tag' : release.from === 'commit' ? 'commit' : 'no git: time of the run';
    return {
      detail: `${result.entries.length} artefact(s) -> ${release.id} (${from}) in ${store.storage.location}: ${counts.map(([status, n]) => `${n} ${status}`).join(', ')}; kept until ${expires}`,
      summary: { store: store.storage.location, release: release.id, releaseFrom: release.from, index: result.index, entries: result.entries },
    };
  },
};
