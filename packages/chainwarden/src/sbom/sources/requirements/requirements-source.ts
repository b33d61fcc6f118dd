import type { LockfileResult } from '../../model.js';
import type { SbomSource, SourceContext } from '../../source.js';
import { assemble } from './assemble.js';
import { loadRequirements } from './include-loader.js';
import { readRequirementsRoot } from './root-project.js';

/**
 * pip requirements files (`requirements*.txt`, `requirements/*.txt`), with the files they include (`-r`, `-c`).
 *
 * They are a flat list: no dependency graph and no groups. Every requirement becomes a `required` component that the
 * root depends on directly; the file naming it is kept as `cdx:pip:file` so that users can see `dev`/`test` files
 * (chainwarden does not guess scope from file names). Unpinned requirements are listed without a version, with
 * their specifier and a warning. `--hash` digests go on `distribution` references; since the file does not say
 * which distribution file a digest belongs to, each reference points at the package's index page.
 */
export const RequirementsSource: SbomSource = {
  id: 'requirements',
  label: 'requirements*.txt, requirements/*.txt',
  matches: (fileName, relPath) => /^requirements.*\.txt$/.test(fileName) || (/(^|\/)requirements\/[^/]+\.txt$/.test(relPath) && fileName.endsWith('.txt')),
  async parse(ctx: SourceContext): Promise<LockfileResult> {
    const loaded = await loadRequirements(ctx);
    const root = await readRequirementsRoot(ctx);
    const { components, rootDependsOn, warnings } = await assemble(ctx, loaded, root.dir);
    return {
      format: 'requirements',
      lockfile: ctx.lockfileRel,
      root: root.root,
      components,
      rootDependsOn,
      workspaceMembers: new Set(),
      warnings: [
        ...(root.warning !== undefined ? [root.warning] : []),
        ...loaded.warnings,
        ...warnings,
        `${ctx.lockfileRel}: requirements files record no dependency graph: every requirement is listed as a direct dependency of the project, and packages the file does not name are missing`,
      ],
      carriesLicenses: false,
    };
  },
};
