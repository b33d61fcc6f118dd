import type { Check } from '../types.js';
import { binaryArtifacts } from './binary-artifacts.js';
import { dangerousWorkflow } from './dangerous-workflow.js';
import { dependencyUpdateTool } from './dependency-update-tool.js';
import { license } from './license.js';
import { packaging } from './packaging.js';
import { pinnedDependencies } from './pinned-dependencies.js';
import { sast } from './sast.js';
import { securityPolicy } from './security-policy.js';
import { signedReleases } from './signed-releases.js';
import { tokenPermissions } from './token-permissions.js';

/** Every check, in output order. Add a check: a file in checks/ and one entry here. */
export const CHECKS: readonly Check[] = [binaryArtifacts, dangerousWorkflow, dependencyUpdateTool, license, packaging, pinnedDependencies, sast, securityPolicy, signedReleases, tokenPermissions];

export const CHECK_NAMES: readonly string[] = CHECKS.map((c) => c.name);
