import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../core/atomic-write.js';
import { InputError } from '../core/errors.js';
import { isRecord, parseJsonText } from '../core/parse.js';
import type { SemgrepResults } from '../hygiene/semgrep/finding.js';
import type { Stage } from './stage.js';

/**
 * Semgrep results in the run: `semgrep.results` (SARIF or Semgrep JSON that an earlier CI step wrote) is imported
 * into dist/hygiene/semgrep.json; without it, a dist/hygiene/semgrep.json imported before the run is reported.
 * The policy stage gives them to the gate as input.semgrep. Semgrep itself is the user's install.
 */
export const semgrepStage: Stage = {
  name: 'semgrep',
  async run(ctx) {
    const { readSemgrepResults, SEMGREP_OUTPUT } = await import('../hygiene/semgrep/import.js');
    const configured = ctx.config.semgrep?.results;
    let results: SemgrepResults | undefined;
    if (configured !== undefined) {
      results = await readSemgrepResults(resolve(ctx.projectDir, configured), configured);
      await writeFileAtomic(resolve(ctx.projectDir, SEMGREP_OUTPUT), `${JSON.stringify(results, null, 2)}\n`);
    } else if (existsSync(join(ctx.projectDir, SEMGREP_OUTPUT))) {
      const { readFile } = await import('node:fs/promises');
      const doc = parseJsonText(await readFile(join(ctx.projectDir, SEMGREP_OUTPUT), 'utf8'), SEMGREP_OUTPUT, (message, loc, cause) => new InputError(message, { file: SEMGREP_OUTPUT, ...loc }, { cause }));
      results = isRecord(doc) && isRecord(doc['summary']) ? (doc as unknown as SemgrepResults) : undefined;
    }
    if (results === undefined) return { status: 'skipped', detail: `no Semgrep results (set semgrep.results, or run chainwarden hygiene semgrep before the run)` };
    const s = results.summary;
    const detail = `${s.total} finding(s) from ${results.source}: ${s.bySeverity.error} error, ${s.bySeverity.warning} warning, ${s.bySeverity.info} info; ${s.supplyChain} supply-chain`;
    return { status: s.supplyChain > 0 || s.bySeverity.error > 0 ? 'warn' : 'ok', detail, summary: { output: SEMGREP_OUTPUT, source: results.source, summary: s }, files: [SEMGREP_OUTPUT] };
  },
};
