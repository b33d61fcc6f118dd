import type { Stage } from './stage.js';

/**
 * Backstage TechDocs pages from this run (chainwarden.yaml `docs.techdocs.out`), after everything else; skipped when
 * not configured. Built from the results so far (the same report `chainwarden docs techdocs` reads afterwards).
 */
export const techdocsStage: Stage = {
  name: 'techdocs',
  async run(ctx) {
    const out = ctx.config.docs?.techdocs?.out;
    if (out === undefined) return { status: 'skipped', detail: 'not configured (docs.techdocs.out in chainwarden.yaml)' };
    const [{ generateTechdocs }, { buildRunReport, projectName }] = await Promise.all([import('../docs/techdocs/generate.js'), import('./report/run-report.js')]);
    // The report so far (the pages show no exit code or mode source, which only the finished run knows).
    const report = buildRunReport({ project: projectName(ctx.projectDir, ctx.outputs), mode: ctx.mode, modeSource: '', exitCode: 0, stages: ctx.results });
    const configured = ctx.config.registry?.['database-url'];
    const result = await generateTechdocs({
      projectDir: ctx.projectDir,
      env: ctx.env,
      out,
      report,
      ...(configured !== undefined ? { databaseUrl: configured } : {}),
      ...(ctx.config.registry?.product !== undefined ? { product: ctx.config.registry.product } : {}),
    });
    return { detail: `${result.pages.length} page(s) and mkdocs.yml -> ${result.out}/`, summary: result, files: result.files };
  },
};
