import type { DirectDependency } from '../matrix/inventory.js';
import type { DepFacts } from './dep-facts.js';

/** A configuration problem of an update tool (invalid JSON/YAML, a wrong shape): reported, never fatal. */
export interface ConfigFinding {
  readonly tool: string;
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly message: string;
}

/**
 * covered: the tool will propose updates; partial: some updates are switched off (by version, update type, or
 * version updates off with security updates left); ignored: the config deliberately excludes it; not-covered:
 * the tool never looks at it (manager, ecosystem or directory not configured).
 */
export type CoverageStatus = 'covered' | 'partial' | 'ignored' | 'not-covered';

export interface Coverage {
  readonly tool: string;
  readonly status: CoverageStatus;
  /** Why, naming the setting: `packageRules[2] enabled: false`, `updates[0] (pip, /)`. */
  readonly reason: string;
  /** The config file, relative to the project. */
  readonly file: string;
}

/** One update tool's configuration, read. */
export interface UpdateToolConfig {
  readonly tool: string;
  readonly file: string;
  coverage(dep: DirectDependency, facts: DepFacts): Coverage;
}

export interface UpdateToolLoad {
  /** Undefined when the tool is not configured (or its config cannot be read: see findings). */
  readonly config?: UpdateToolConfig;
  readonly findings: readonly ConfigFinding[];
  /** Things that limit the answer, e.g. presets that cannot be resolved offline. */
  readonly notes: readonly string[];
}

/** An update tool: Renovate, Dependabot. Registered in update-tools/index.ts. */
export interface UpdateTool {
  readonly id: string;
  load(projectDir: string): Promise<UpdateToolLoad>;
}
