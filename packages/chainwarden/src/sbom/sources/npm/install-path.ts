/** Helpers for npm install paths (`node_modules/a/node_modules/@s/b`, `packages/x`). */

const INSTALLED = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)$/;

/** True for a path under a `node_modules` folder (an installed package), false for a local folder. */
export function isInstallPath(path: string): boolean {
  return INSTALLED.test(path);
}

/** The name a package is installed under: the last `node_modules/` segment (with its scope). */
export function installName(path: string): string | undefined {
  return INSTALLED.exec(path)?.[1];
}

/** The last segment of a local folder path, as a fallback name. */
export function baseName(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1) || trimmed;
}

/**
 * Node's lookup of `name` from a package at `from`: `<from>/node_modules/<name>`, then the same from each parent
 * folder up to the lockfile's own `node_modules/<name>`. `has` says whether the lockfile has an entry at a path.
 */
export function lookupInstallPath(from: string, name: string, has: (path: string) => boolean): string | undefined {
  let dir = from;
  for (;;) {
    const candidate = dir === '' ? `node_modules/${name}` : `${dir}/node_modules/${name}`;
    if (has(candidate)) return candidate;
    if (dir === '') return undefined;
    dir = parentFolder(dir);
  }
}

/** The folder above `dir`, skipping `node_modules` folders themselves (Node never looks in node_modules/node_modules). */
function parentFolder(dir: string): string {
  let parent = dir;
  do {
    const slash = parent.lastIndexOf('/');
    parent = slash < 0 ? '' : parent.slice(0, slash);
  } while (parent !== '' && (parent.endsWith('/node_modules') || parent === 'node_modules'));
  return parent;
}
