/**
 * `chainwarden init`: chainwarden.yaml, a starter policy/ and the GitHub Actions workflow, in a project directory.
 * An existing file is never overwritten unless forced: it is kept, and reported as kept.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../core/atomic-write.js';
import { CONFIG_FILE } from '../core/config.js';
import { UsageError } from '../core/errors.js';
import { TOOL_VERSION } from '../core/version.js';
import { STARTER_POLICY } from '../policy/starter/index.js';
import { configTemplate, initPaths } from './config-template.js';
import { detectProjectName, fileSafe } from './project-name.js';
import { WORKFLOW_FILE, workflowTemplate } from './workflow-template.js';

export interface InitResult {
  readonly project: string;
  /** Where the name came from: a manifest file or `directory`. */
  readonly nameFrom: string;
  /** Files written, relative to the project directory, sorted. */
  readonly written: readonly string[];
  /** Files that existed and were kept (no --force). */
  readonly kept: readonly string[];
  /** Files that existed and were overwritten (--force). */
  readonly overwritten: readonly string[];
}

export interface InitOptions {
  readonly force?: boolean;
  /** Policy directory (default policy). */
  readonly policyDir?: string;
}

export async function initProject(projectDir: string, options: InitOptions = {}): Promise<InitResult> {
  const dir = resolve(projectDir);
  const { name, from } = detectProjectName(dir);
  const paths = initPaths(fileSafe(name));
  const policyDir = (options.policyDir ?? 'policy').replace(/\/+$/u, '');
  const files = new Map<string, string>([
    [CONFIG_FILE, configTemplate(name, paths).replace('  policy: policy\n', `  policy: ${policyDir}\n`)],
    [WORKFLOW_FILE, workflowTemplate(name, paths, TOOL_VERSION)],
    // The starter policy, with the project the SBOM must describe filled in.
    ...Object.entries(STARTER_POLICY).map(([file, text]) => [`${policyDir}/${file}`, file === 'data.yaml' ? text.replace('\n  project: ""\n', `\n  project: ${JSON.stringify(name)}\n`) : text] as [string, string]),
  ]);
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`${projectDir}: no such directory`);
  const existing = new Set([...files.keys()].filter((f) => existsSync(join(dir, f))));
  const force = options.force === true;
  const written: string[] = [];
  for (const [file, text] of files) {
    if (existing.has(file) && !force) continue;
    await writeFileAtomic(join(dir, file), text);
    written.push(file);
  }
  const sorted = (list: Iterable<string>): string[] => [...list].sort();
  return { project: name, nameFrom: from, written: sorted(written), kept: force ? [] : sorted(existing), overwritten: force ? sorted(existing) : [] };
}
