import type { BuildDescription, BuildEnvironment } from './build-environment.js';
import { LOCAL_BUILDER_ID } from '../slsa-v1.js';

/**
 * Anything else: a developer machine or a CI chainwarden does not recognise. The builder id is a fixed URI that
 * names no host, user or path; the source comes from git.
 */
export const LocalEnvironment: BuildEnvironment = {
  id: 'local',
  detect: () => true,
  // eslint-disable-next-line @typescript-eslint/require-await
  async describe(): Promise<BuildDescription> {
    return { builderId: LOCAL_BUILDER_ID, externalParameters: {}, internalParameters: {} };
  },
};
