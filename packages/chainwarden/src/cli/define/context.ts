import type { Command, Option } from 'commander';
import type { CliIo } from '../io.js';

/** What a command definition gets: the program to attach to, the IO, and a way to report its exit code. */
export interface DefineContext {
  readonly program: Command;
  readonly io: CliIo;
  readonly Option: typeof Option;
  readonly setExitCode: (code: number) => void;
}

/**
 * A command definition: flags, help and an action that loads its implementation lazily (so `--help` and other
 * commands never pay for it). One file per verb in cli/define/, registered in cli/define/index.ts.
 */
export type CommandDefinition = (ctx: DefineContext) => void;

/** Collects a repeatable option's values. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
