import { posix } from 'node:path';
import { InputError } from '../../../core/errors.js';
import { isRecord, parseTomlText } from '../../../core/parse.js';
import type { RootProject, Scope } from '../../model.js';
import type { SourceContext } from '../../source.js';
import { parseRequirement } from './pep508.js';
import { metadataFromDoc, rootFromMetadata } from './pyproject-metadata.js';

/** A dependency the project's manifest declares, with the scope its group gives it. */
export interface DeclaredDependency {
  readonly name: string;
  readonly scope: Scope;
  /** `main`, an extra's name, or a dependency group's name. */
  readonly group: string;
  /** Version constraint (PEP 440 or Poetry syntax), empty when none. */
  readonly constraint: string;
}

/** A pyproject.toml read beside a lockfile. */
export interface Pyproject {
  /** Manifest path relative to the project (POSIX). */
  readonly rel: string;
  readonly doc: Record<string, unknown>;
  readonly project: Record<string, unknown>;
  readonly tool: Record<string, unknown>;
}

/** The lockfile's directory relative to the project, POSIX, `''` for the project directory itself. */
export function lockDir(ctx: SourceContext): string {
  const dir = posix.dirname(ctx.lockfileRel);
  return dir === '.' ? '' : dir;
}

export function siblingRel(ctx: SourceContext, fileName: string): string {
  const dir = lockDir(ctx);
  return dir === '' ? fileName : `${dir}/${fileName}`;
}

/** Reads `pyproject.toml` beside the lockfile; undefined when there is none. Malformed TOML is an InputError naming it. */
export async function readPyproject(ctx: SourceContext): Promise<Pyproject | undefined> {
  const text = await ctx.readSibling('pyproject.toml');
  if (text === undefined) return undefined;
  const rel = siblingRel(ctx, 'pyproject.toml');
  const doc = await parseTomlText(text, rel, (message, loc, cause) => new InputError(message, { file: rel, ...loc }, { cause }));
  const tool = isRecord(doc['tool']) ? doc['tool'] : {};
  return { rel, doc, project: isRecord(doc['project']) ? doc['project'] : {}, tool };
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}


/**
 * The root project: PEP 621 `[project]` first, Poetry's `[tool.poetry]` as fallback (Poetry 2 keeps a static version
 * there when `[project]` declares it dynamic); without a manifest, the lockfile directory's basename.
 */
export function pythonRoot(ctx: SourceContext, manifest: Pyproject | undefined): RootProject {
  const fallbackName = posix.basename(lockDir(ctx)) || posix.basename(ctx.projectDir.split(/[\\/]/).join('/')) || 'project';
  return rootFromMetadata(manifest !== undefined ? metadataFromDoc(manifest.doc) : undefined, manifest?.rel, fallbackName);
}

/** PEP 508 strings → declared dependencies (entries that are not strings or not requirements are skipped). */
export function declaredFromStrings(list: unknown, scope: Scope, group: string): DeclaredDependency[] {
  if (!Array.isArray(list)) return [];
  const out: DeclaredDependency[] = [];
  for (const item of list) {
    if (typeof item !== 'string') continue; // e.g. PEP 735 `{ include-group = "x" }`: that group is read on its own
    const req = parseRequirement(item);
    if (req !== undefined) out.push({ name: req.name, scope, group, constraint: req.specifier });
  }
  return out;
}

/** Names of `[project.optional-dependencies]` extras. */
export function projectExtras(manifest: Pyproject): string[] {
  const optional = manifest.project['optional-dependencies'];
  return isRecord(optional) ? Object.keys(optional) : [];
}

/**
 * Dependencies every PEP 621 / PEP 735 manifest declares: `[project].dependencies` (required),
 * `[project.optional-dependencies]` (optional), `[dependency-groups]` (excluded: development groups).
 */
export function standardDeclared(manifest: Pyproject): DeclaredDependency[] {
  const out = declaredFromStrings(manifest.project['dependencies'], 'required', 'main');
  const optional = manifest.project['optional-dependencies'];
  if (isRecord(optional)) for (const [extra, list] of Object.entries(optional)) out.push(...declaredFromStrings(list, 'optional', extra));
  const groups = manifest.doc['dependency-groups'];
  if (isRecord(groups)) for (const [group, list] of Object.entries(groups)) out.push(...declaredFromStrings(list, 'excluded', group));
  return out;
}
