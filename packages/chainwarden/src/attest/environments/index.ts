import type { BuildEnvironment } from './build-environment.js';
import { GitHubActionsEnvironment } from './github-actions.js';
import { GitLabCiEnvironment } from './gitlab-ci.js';
import { LocalEnvironment } from './local.js';

/** Build environments, most specific first; LocalEnvironment matches everything and stays last. */
export const BUILD_ENVIRONMENTS: readonly BuildEnvironment[] = [GitHubActionsEnvironment, GitLabCiEnvironment, LocalEnvironment];

export function detectBuildEnvironment(env: NodeJS.ProcessEnv): BuildEnvironment {
  return BUILD_ENVIRONMENTS.find((e) => e.detect(env)) ?? LocalEnvironment;
}
