import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChainwardenConfig, OwnerRuleConfig } from '../config-schema.js';
import { CONFIG_FILE } from '../core/config.js';
import { ConfigError, IoError } from '../core/errors.js';
import { globToRegExp } from '../core/glob.js';
import { keyPath } from '../core/parse.js';
import type { Codeowners } from './owners/codeowners.js';
import { CODEOWNERS_LOCATIONS, codeownersRuleFor, parseCodeowners } from './owners/codeowners.js';
import { isOwner, OWNER_MEANS } from './owners/owner-format.js';
import type { PackageRef } from './owners/package-match.js';
import { packageMatcher } from './owners/package-match.js';

export type { PackageRef } from './owners/package-match.js';

/** Who owns a dependency, and which rule said so. */
export interface OwnerResolution {
  /** The owners, space-separated as CODEOWNERS writes them (one for config rules and the default). */
  readonly owner: string;
  readonly source: 'config' | 'codeowners' | 'default';
  /** The rule that decided, e.g. `chainwarden.yaml owners.rules[2] (match "django*")` or `.github/CODEOWNERS:7 (/web/)`. */
  readonly rule: string;
}

/** A CODEOWNERS line GitHub would skip; chainwarden skips it too and says so. */
export interface OwnersWarning {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

export interface OwnerResolver {
  /** Config rules (last match wins), then CODEOWNERS on the declaring manifest (last match wins), then the default. */
  ownerOf(pkg: PackageRef): OwnerResolution | undefined;
  /** The CODEOWNERS file in use, relative to the project, if any. */
  readonly codeownersFile?: string;
  readonly warnings: readonly OwnersWarning[];
}

interface CompiledRule {
  readonly index: number;
  readonly config: OwnerRuleConfig;
  readonly matches: (pkg: PackageRef) => boolean;
}

/**
 * Reads the `owners` section of chainwarden.yaml and the project's CODEOWNERS. Owner spellings in the config
 * are checked (exit 2 naming the key); CODEOWNERS lines GitHub would skip become warnings naming file:line.
 */
export async function loadOwners(projectDir: string, config: ChainwardenConfig): Promise<OwnerResolver> {
  const section = config.owners ?? {};
  const rules = (section.rules ?? []).map((rule, index) => compileRule(rule, index));
  if (section.default !== undefined && !isOwner(section.default)) {
    throw new ConfigError(`"${section.default}" is not ${OWNER_MEANS}`, { file: CONFIG_FILE, path: 'owners.default' });
  }
  const codeowners = await readCodeowners(projectDir, section.codeowners);
  const warnings = (codeowners?.issues ?? []).map((issue) => ({ file: codeowners?.file ?? '', line: issue.line, message: issue.message }));

  return {
    ...(codeowners !== undefined ? { codeownersFile: codeowners.file } : {}),
    warnings,
    ownerOf(pkg) {
      for (let i = rules.length - 1; i >= 0; i--) {
        const rule = rules[i] as CompiledRule;
        if (rule.matches(pkg)) {
          return { owner: rule.config.owner, source: 'config', rule: `${CONFIG_FILE} ${keyPath('owners', 'rules', rule.index)} (match "${rule.config.match}")` };
        }
      }
      if (codeowners !== undefined && pkg.manifest !== undefined) {
        const line = codeownersRuleFor(codeowners, pkg.manifest);
        // A matching line without owners deliberately leaves the path unowned: the default applies.
        if (line !== undefined && line.owners.length > 0) {
          return { owner: line.owners.join(' '), source: 'codeowners', rule: `${codeowners.file}:${line.line} (${line.pattern})` };
        }
      }
      if (section.default !== undefined) return { owner: section.default, source: 'default', rule: `${CONFIG_FILE} owners.default` };
      return undefined;
    },
  };
}

function compileRule(rule: OwnerRuleConfig, index: number): CompiledRule {
  const at = keyPath('owners', 'rules', index);
  if (!isOwner(rule.owner)) throw new ConfigError(`"${rule.owner}" is not ${OWNER_MEANS}`, { file: CONFIG_FILE, path: `${at}.owner` });
  if (rule.match.trim() === '') throw new ConfigError('empty pattern', { file: CONFIG_FILE, path: `${at}.match` });
  const name = packageMatcher(rule.match);
  const manifest = rule.manifest !== undefined ? globToRegExp(rule.manifest.replace(/^\.?\//, '')) : undefined;
  return {
    index,
    config: rule,
    matches: (pkg) =>
      (rule.ecosystem === undefined || pkg.ecosystem === rule.ecosystem) &&
      (manifest === undefined || (pkg.manifest !== undefined && manifest.test(pkg.manifest))) &&
      name(pkg),
  };
}

async function readCodeowners(projectDir: string, configured: string | undefined): Promise<Codeowners | undefined> {
  const candidates = configured !== undefined ? [configured] : CODEOWNERS_LOCATIONS;
  for (const file of candidates) {
    let text: string;
    try {
      text = await readFile(join(projectDir, file), 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EISDIR') {
        if (configured !== undefined) throw new ConfigError(`${file} does not exist`, { file: CONFIG_FILE, path: 'owners.codeowners' });
        continue;
      }
      throw new IoError(`${file}: cannot read (${String(error)})`, { cause: error });
    }
    return parseCodeowners(text, file);
  }
  return undefined;
}
