import { isRecord } from '../../core/parse.js';
import type { BuildDescription, BuildEnvironment, DescribeContext } from './build-environment.js';
import { defined, variable } from './build-environment.js';

/**
 * GitHub Actions, from its documented default variables (GITHUB_ACTIONS=true). The builder is the runner kind (as npm
 * provenance records it); external parameters follow GitHub's own workflow build type: the workflow (repository,
 * path, ref), the event and the workflow_dispatch inputs (redacted).
 */
export const GitHubActionsEnvironment: BuildEnvironment = {
  id: 'github-actions',
  detect: (env) => env['GITHUB_ACTIONS'] === 'true',
  async describe({ env, redactor, readFile }: DescribeContext): Promise<BuildDescription> {
    const server = (variable(env, 'GITHUB_SERVER_URL') ?? 'https://github.com').replace(/\/+$/, '');
    const repositoryName = variable(env, 'GITHUB_REPOSITORY');
    const repository = repositoryName !== undefined ? `${server}/${repositoryName}` : undefined;
    const ref = variable(env, 'GITHUB_REF');
    // GITHUB_WORKFLOW_REF: owner/repo/.github/workflows/build.yml@refs/heads/main
    const workflowRef = variable(env, 'GITHUB_WORKFLOW_REF');
    const workflowPath = workflowRef !== undefined && repositoryName !== undefined && workflowRef.startsWith(`${repositoryName}/`)
      ? workflowRef.slice(repositoryName.length + 1).replace(/@[^@]*$/, '')
      : undefined;
    let inputs: unknown;
    const eventPath = variable(env, 'GITHUB_EVENT_PATH');
    if (eventPath !== undefined) {
      const text = await readFile(eventPath);
      try {
        const event: unknown = text !== undefined ? JSON.parse(text) : undefined;
        if (isRecord(event) && isRecord(event['inputs']) && Object.keys(event['inputs']).length > 0) inputs = redactor.json(event['inputs']);
      } catch {
        inputs = undefined;
      }
    }
    const runnerEnvironment = variable(env, 'RUNNER_ENVIRONMENT');
    const runId = variable(env, 'GITHUB_RUN_ID');
    return {
      builderId: `https://github.com/actions/runner/${runnerEnvironment === 'self-hosted' ? 'self-hosted' : 'github-hosted'}`,
      ...(repository !== undefined && runId !== undefined
        ? { invocationId: `${repository}/actions/runs/${runId}/attempts/${variable(env, 'GITHUB_RUN_ATTEMPT') ?? '1'}` }
        : {}),
      externalParameters: defined({
        workflow: defined({ ref: variable(env, 'GITHUB_WORKFLOW_REF') !== undefined ? workflowRef?.replace(/^[^@]*@/, '') : ref, repository, path: workflowPath }),
        event: variable(env, 'GITHUB_EVENT_NAME'),
        inputs,
      }),
      internalParameters: {
        github: defined({
          event_name: variable(env, 'GITHUB_EVENT_NAME'),
          repository_id: variable(env, 'GITHUB_REPOSITORY_ID'),
          repository_owner_id: variable(env, 'GITHUB_REPOSITORY_OWNER_ID'),
          runner_environment: runnerEnvironment,
          workflow_sha: variable(env, 'GITHUB_WORKFLOW_SHA'),
        }),
      },
      ...(repository !== undefined ? { source: { repository, ...(ref !== undefined ? { ref } : {}), ...(variable(env, 'GITHUB_SHA') !== undefined ? { commit: variable(env, 'GITHUB_SHA') } : {}) } } : {}),
    };
  },
};
