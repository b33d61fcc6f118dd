import type { Stage } from './stage.js';

/**
 * Scorecard-style repository checks, when `scorecard.enabled: true` in chainwarden.yaml. Its result feeds the policy
 * gate (`input.scorecard`); `scorecard.fail-under` fails the stage (exit 1) when the aggregate is below it. A stage
 * that ran warns when a Critical or High risk check scored 0.
 */
export const scorecardStage: Stage = {
  name: 'scorecard',
  async run(ctx) {
    const cfg = ctx.config.scorecard;
    if (cfg?.enabled !== true) return { status: 'skipped', detail: 'not enabled (scorecard.enabled: true in chainwarden.yaml)' };
    const { runScorecard } = await import('../hygiene/scorecard/run.js');
    const { INCONCLUSIVE } = await import('../hygiene/scorecard/types.js');
    const result = await runScorecard({ dir: ctx.projectDir, skip: cfg.skip ?? [], env: ctx.env });
    const failUnder = cfg['fail-under'];
    const below = failUnder !== undefined && result.score !== INCONCLUSIVE && result.score < failUnder;
    const zero = result.checks.filter((c) => c.score === 0 && (c.risk === 'Critical' || c.risk === 'High')).map((c) => c.name);
    const aggregate = result.score === INCONCLUSIVE ? '?' : `${result.score.toFixed(1)}/10`;
    const detail = `aggregate ${aggregate} over ${result.checks.length} check(s)${zero.length > 0 ? `; 0/10: ${zero.join(', ')}` : ''}${below ? `; below fail-under ${failUnder}` : ''}`;
    return { status: below ? 'failed' : zero.length > 0 ? 'warn' : 'ok', ...(below ? { exitCode: 1 } : {}), detail, summary: result };
  },
};
