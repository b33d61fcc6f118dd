/** Loads and compiles a policy directory with chainwarden's builtins; its exceptions.yaml is read separately. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Policy } from '@chainwarden/rego';
import { InputError } from '../core/errors.js';
import { CHAINWARDEN_BUILTINS } from './builtins/index.js';
import { EXCEPTIONS_FILE, parseExceptions } from './exceptions.js';
import type { PolicyException } from './exceptions.js';
import { withPolicyErrors } from './rego/evaluate.js';
import { loadRegoSources } from './rego/load.js';

export interface LoadedPolicy {
  readonly policy: Policy;
  readonly dir: string;
  readonly exceptions: readonly PolicyException[];
}

export async function loadPolicy(dir: string, baseDir: string): Promise<LoadedPolicy> {
  const abs = resolve(baseDir, dir);
  if (!existsSync(abs) || !statSync(abs).isDirectory()) throw new InputError('no policy directory (write a starter one with `chainwarden policy init`, or pass --policy <dir>)', { file: dir });
  const sources = loadRegoSources([dir], baseDir);
  if (sources.modules.length === 0) throw new InputError('no .rego files in the policy directory', { file: dir });
  const policy = withPolicyErrors(() => Policy.compile({ modules: sources.modules, data: sources.data, builtins: CHAINWARDEN_BUILTINS }));
  const exFile = join(abs, EXCEPTIONS_FILE);
  const exceptions = existsSync(exFile) ? await parseExceptions(readFileSync(exFile, 'utf8'), `${dir.replace(/\/+$/, '')}/${EXCEPTIONS_FILE}`) : [];
  return { policy, dir, exceptions };
}
