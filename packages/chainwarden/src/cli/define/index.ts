import type { CommandDefinition } from './context.js';
import { defineRun } from './run.js';
import { defineSbom } from './sbom.js';

/** Every command, in the order `--help` lists them. Add a command: a file in cli/define/ and one line here. */
export const COMMANDS: readonly CommandDefinition[] = [defineRun, defineSbom];
