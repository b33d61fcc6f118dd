/**
 * A run is a pull-request run or a release run. `--mode` decides; otherwise the CI event does: GitHub Actions
 * (GITHUB_EVENT_NAME), GitLab CI (CI_PIPELINE_SOURCE); outside CI a run is a release run. A pull-request run keeps its
 * evidence out of the 1-year store and the registry and needs no OIDC token; a release run signs, stores, registers.
 */
import { UsageError } from '../core/errors.js';

export const RUN_MODES = ['pr', 'release'] as const;
export type RunMode = (typeof RUN_MODES)[number];

export interface DetectedMode {
  readonly mode: RunMode;
  /** Where the mode came from, for the report: `--mode`, `GITHUB_EVENT_NAME=pull_request`, `default (not in CI)`. */
  readonly source: string;
}

type EventRule = (env: NodeJS.ProcessEnv) => DetectedMode | undefined;

const GITHUB_PR_EVENTS = new Set(['pull_request', 'pull_request_target', 'merge_group']);

/** One rule per CI system, asked in order; the first that recognises its environment decides. */
const EVENT_RULES: readonly EventRule[] = [
  (env) => {
    const event = env['GITHUB_EVENT_NAME'];
    if (event === undefined || event === '') return undefined;
    const source = `GITHUB_EVENT_NAME=${event}`;
    if (GITHUB_PR_EVENTS.has(event)) return { mode: 'pr', source };
    if (event === 'release') return { mode: 'release', source };
    if (event === 'push' && (env['GITHUB_REF_TYPE'] === 'tag' || env['GITHUB_REF']?.startsWith('refs/tags/') === true)) return { mode: 'release', source: `${source} (tag)` };
    // A push to a branch, a schedule, a manual dispatch: not a release; its evidence is kept out like a PR's.
    return { mode: 'pr', source: `${source} (not a release event)` };
  },
  (env) => {
    const source = env['CI_PIPELINE_SOURCE'];
    if (source === undefined || source === '') return undefined;
    if (source === 'merge_request_event' || source === 'external_pull_request_event') return { mode: 'pr', source: `CI_PIPELINE_SOURCE=${source}` };
    if (env['CI_COMMIT_TAG'] !== undefined && env['CI_COMMIT_TAG'] !== '') return { mode: 'release', source: `CI_PIPELINE_SOURCE=${source} (tag ${env['CI_COMMIT_TAG']})` };
    return { mode: 'pr', source: `CI_PIPELINE_SOURCE=${source} (not a tag pipeline)` };
  },
];

export function parseRunMode(value: string): RunMode {
  if ((RUN_MODES as readonly string[]).includes(value)) return value as RunMode;
  throw new UsageError(`--mode: "${value}" is not one of ${RUN_MODES.join(', ')}`);
}

/** The run's mode: the flag when given, else the CI event, else `release` (a run outside CI, e.g. on a laptop). */
export function detectRunMode(env: NodeJS.ProcessEnv, flag?: string): DetectedMode {
  if (flag !== undefined) return { mode: parseRunMode(flag), source: '--mode' };
  for (const rule of EVENT_RULES) {
    const found = rule(env);
    if (found !== undefined) return found;
  }
  return { mode: 'release', source: 'default (not in CI)' };
}
