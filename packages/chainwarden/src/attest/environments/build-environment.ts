import type { Redactor } from '../redact.js';

/** The source a CI system says it built: repository URL, ref and commit. */
export interface CiSource {
  /** Repository URL without credentials, e.g. https://github.com/owner/repo. */
  readonly repository: string;
  /** Full ref, e.g. refs/heads/main or refs/tags/v1.2.0 (absent when the CI does not say). */
  readonly ref?: string;
  /** The commit (hex). */
  readonly commit?: string;
}

/** What a build environment contributes to provenance. */
export interface BuildDescription {
  readonly builderId: string;
  readonly invocationId?: string;
  /** The parameters a user controls (workflow, ref, event, inputs). Redacted. */
  readonly externalParameters: Readonly<Record<string, unknown>>;
  /** Parameters the platform sets (runner kind, ids). Redacted. */
  readonly internalParameters: Readonly<Record<string, unknown>>;
  /** The source the CI checked out; undefined locally (git is asked instead). */
  readonly source?: CiSource;
}

export interface DescribeContext {
  readonly env: NodeJS.ProcessEnv;
  readonly redactor: Redactor;
  /** Reads a file the CI points to (GitHub's event payload); undefined when unreadable. */
  readonly readFile: (path: string) => Promise<string | undefined>;
}

/**
 * Where the build runs (a role): recognised from the CI system's documented variables. Implementations:
 * GitHubActionsEnvironment, GitLabCiEnvironment, LocalEnvironment (always last: it matches everything).
 */
export interface BuildEnvironment {
  readonly id: 'github-actions' | 'gitlab-ci' | 'local';
  detect(env: NodeJS.ProcessEnv): boolean;
  describe(ctx: DescribeContext): Promise<BuildDescription>;
}

/** A non-empty variable, or undefined. */
export function variable(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

/** Drops undefined values so JSON output has no holes and stays deterministic. */
export function defined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
}
