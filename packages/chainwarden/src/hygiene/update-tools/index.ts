import { dependabotTool } from './dependabot.js';
import { renovateTool } from './renovate.js';
import type { UpdateTool } from './update-tool.js';

/** The update tools chainwarden reads the configuration of. */
export const UPDATE_TOOLS: Readonly<Record<string, UpdateTool>> = {
  renovate: renovateTool,
  dependabot: dependabotTool,
};
