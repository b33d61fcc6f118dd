import type { BuildDescription, BuildEnvironment, DescribeContext } from './build-environment.js';
import { defined, variable } from './build-environment.js';

/**
 * GitLab CI/CD, from its predefined variables (GITLAB_CI=true). The builder is the runner (as GitLab's own SLSA
 * provenance names it); the invocation is the job URL.
 */
export const GitLabCiEnvironment: BuildEnvironment = {
  id: 'gitlab-ci',
  detect: (env) => env['GITLAB_CI'] === 'true',
  // eslint-disable-next-line @typescript-eslint/require-await
  async describe({ env, redactor }: DescribeContext): Promise<BuildDescription> {
    const server = (variable(env, 'CI_SERVER_URL') ?? 'https://gitlab.com').replace(/\/+$/, '');
    const projectPath = variable(env, 'CI_PROJECT_PATH');
    const repository = variable(env, 'CI_PROJECT_URL') ?? (projectPath !== undefined ? `${server}/${projectPath}` : undefined);
    const tag = variable(env, 'CI_COMMIT_TAG');
    const branch = variable(env, 'CI_COMMIT_BRANCH') ?? variable(env, 'CI_MERGE_REQUEST_SOURCE_BRANCH_NAME');
    const ref = tag !== undefined ? `refs/tags/${tag}` : branch !== undefined ? `refs/heads/${branch}` : undefined;
    const runnerId = variable(env, 'CI_RUNNER_ID');
    const commit = variable(env, 'CI_COMMIT_SHA');
    return {
      builderId: projectPath !== undefined && runnerId !== undefined ? `${server}/${projectPath}/-/runners/${runnerId}` : `${server}/gitlab-runner`,
      ...(variable(env, 'CI_JOB_URL') !== undefined ? { invocationId: redactor.value(variable(env, 'CI_JOB_URL') as string) } : {}),
      externalParameters: defined({
        pipeline: defined({ repository: repository !== undefined ? redactor.value(repository) : undefined, ref, path: variable(env, 'CI_CONFIG_PATH') ?? '.gitlab-ci.yml' }),
        event: variable(env, 'CI_PIPELINE_SOURCE'),
        job: variable(env, 'CI_JOB_NAME'),
      }),
      internalParameters: {
        gitlab: defined({
          project_id: variable(env, 'CI_PROJECT_ID'),
          pipeline_id: variable(env, 'CI_PIPELINE_ID'),
          job_id: variable(env, 'CI_JOB_ID'),
          runner_description: variable(env, 'CI_RUNNER_DESCRIPTION') !== undefined ? redactor.value(variable(env, 'CI_RUNNER_DESCRIPTION') as string) : undefined,
        }),
      },
      ...(repository !== undefined ? { source: { repository: redactor.value(repository), ...(ref !== undefined ? { ref } : {}), ...(commit !== undefined ? { commit } : {}) } } : {}),
    };
  },
};
