import type { DirectDependency } from '../matrix/inventory.js';

/** How update tools see a dependency: the manifest section that declares it and whether it is for development. */
export interface DepFacts {
  /** Renovate's depType (`dependencies`, `devDependencies`, `project.dependencies`, `dependency-groups`, …). */
  readonly depType?: string;
  readonly development: boolean;
}

const NPM_SECTIONS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'] as const;

/** The section of package.json naming the dependency (first in npm's order), from the manifest's parsed JSON. */
export function npmSection(manifest: unknown, name: string): string | undefined {
  if (typeof manifest !== 'object' || manifest === null) return undefined;
  for (const section of NPM_SECTIONS) {
    const deps = (manifest as Record<string, unknown>)[section];
    if (typeof deps === 'object' && deps !== null && Object.hasOwn(deps, name)) return section;
  }
  return undefined;
}

const PYTHON_GROUP_DEP_TYPE: Readonly<Record<string, (group: string, kind: string) => string>> = {
  uv: (_g, kind) => (kind === 'extra' ? 'project.optional-dependencies' : 'dependency-groups'),
  pdm: (_g, kind) => (kind === 'extra' ? 'project.optional-dependencies' : 'tool.pdm.dev-dependencies'),
  poetry: (group, kind) => (kind === 'extra' ? 'extras' : group === 'main' ? 'dependencies' : group),
  pipenv: (group) => (group === 'develop' ? 'dev-packages' : 'packages'),
};

const PYTHON_MAIN_DEP_TYPE: Readonly<Record<string, string>> = { uv: 'project.dependencies', pdm: 'project.dependencies', poetry: 'dependencies', pipenv: 'packages' };

/** Facts from the SBOM row; `section` is the npm manifest section when known. */
export function depFacts(dep: DirectDependency, section: string | undefined): DepFacts {
  if (dep.ecosystem === 'npm') {
    const depType = section ?? (dep.scope === 'excluded' ? 'devDependencies' : dep.scope === 'optional' ? 'optionalDependencies' : 'dependencies');
    return { depType, development: depType === 'devDependencies' };
  }
  const first = dep.groups[0];
  const format = dep.format;
  if (first !== undefined) {
    const [kind = '', group = ''] = first.split(':');
    const depType = PYTHON_GROUP_DEP_TYPE[format]?.(group, kind);
    return { ...(depType !== undefined ? { depType } : {}), development: kind === 'group' && group !== 'main' && group !== 'default' };
  }
  const depType = PYTHON_MAIN_DEP_TYPE[format];
  return { ...(depType !== undefined ? { depType } : {}), development: dep.scope === 'excluded' };
}
