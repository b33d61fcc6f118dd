import { basename, dirname, posix } from 'node:path';
import type { RootProject } from '../../model.js';
import type { SourceContext } from '../../source.js';
import { readPyprojectMetadata, rootFromMetadata } from '../python-common/pyproject-metadata.js';

export interface RequirementsRoot {
  readonly root: RootProject;
  /** Project-relative POSIX directory of the root project (`.` for the project directory). */
  readonly dir: string;
  readonly warning?: string;
}

/**
 * The project a requirements file belongs to: pyproject.toml beside the file, or one directory up for files in a
 * `requirements/` directory (`requirements/main.txt`), never outside the project; else the project directory's name.
 */
export async function readRequirementsRoot(ctx: SourceContext): Promise<RequirementsRoot> {
  const lockDir = posix.dirname(ctx.lockfileRel);
  const candidates = ['pyproject.toml'];
  if (basename(dirname(ctx.lockfilePath)) === 'requirements') candidates.push('../pyproject.toml');
  for (const candidate of candidates) {
    const manifest = posix.normalize(posix.join(lockDir, candidate));
    if (manifest.startsWith('../')) continue;
    const text = await ctx.readSibling(candidate);
    if (text === undefined) continue;
    const info = await readPyprojectMetadata(text, manifest);
    return { root: rootFromMetadata(info, manifest, basename(ctx.projectDir)), dir: posix.dirname(manifest) };
  }
  const where = candidates.length > 1 ? 'beside the file or in its parent directory' : 'beside the file';
  return {
    root: rootFromMetadata(undefined, undefined, basename(ctx.projectDir)),
    dir: '.',
    warning: `${ctx.lockfileRel}: no pyproject.toml ${where}; the root component is named after the project directory`,
  };
}
