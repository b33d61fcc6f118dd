import { readFile } from 'node:fs/promises';
import { IoError, InputError } from '../../core/errors.js';
import { normalizePypiName } from '../../core/purl.js';
import type { Inventory } from './inventory.js';
import type { MarkdownTable } from './markdown-table.js';
import { cellText, markdownTables } from './markdown-table.js';

/** Header names (lower case, plain text) that name the package column and the version column. */
const PACKAGE_HEADERS = ['package', 'dependency', 'name', 'library', 'component', 'module', 'package name', 'dependency name'];
const VERSION_HEADERS = ['version', 'pinned', 'locked', 'pinned version', 'locked version', 'current version', 'current', 'pin'];

export type DriftKind = 'version-mismatch' | 'missing-from-matrix' | 'not-locked';

export interface Drift {
  readonly kind: DriftKind;
  readonly package: string;
  /** file:line of the matrix row (absent for dependencies missing from the matrix). */
  readonly file: string;
  readonly line?: number;
  /** What the matrix says. */
  readonly documented?: string;
  /** What the lockfiles pin (sorted; several when the package is locked at several versions). */
  readonly locked?: readonly string[];
  /** Where it is declared (for missing rows). */
  readonly manifest?: string;
  readonly message: string;
}

export interface MatrixCheck {
  readonly file: string;
  readonly tables: readonly { readonly line: number; readonly packageColumn: string; readonly versionColumn: string; readonly rows: number }[];
  /** Rows whose version cell is not one exact version (a range, "latest", empty): compared by name only. */
  readonly unpinnedRows: number;
  readonly drift: readonly Drift[];
}

const key = (name: string): string => normalizePypiName(name);

/** An exact version from a cell: `0.9.5`, `==0.9.5`, `v0.9.5`, `` `0.9.5` ``; undefined for ranges and words. */
export function exactVersion(cell: string): string | undefined {
  const text = cellText(cell).replace(/^(===?|v(?=\d))/, '').trim();
  return /^\d[\w.+!-]*$/.test(text) ? text : undefined;
}

function column(headers: readonly string[], names: readonly string[]): number {
  const plain = headers.map((h) => cellText(h).toLowerCase());
  for (const name of names) {
    const i = plain.indexOf(name);
    if (i >= 0) return i;
  }
  return -1;
}

/**
 * Compares a hand-written dependency matrix (Markdown tables with a package column and a version column, found by
 * header) with what the lockfiles pin: version mismatches, direct dependencies the matrix does not list, and rows
 * for packages no lockfile pins any more.
 */
export async function checkMatrix(path: string, shown: string, inventory: Inventory): Promise<MatrixCheck> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new IoError(`${shown}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { cause: error });
  }
  const usable: { table: MarkdownTable; pkg: number; version: number }[] = [];
  for (const table of markdownTables(text)) {
    const pkg = column(table.headers, PACKAGE_HEADERS);
    const version = column(table.headers, VERSION_HEADERS);
    if (pkg >= 0 && version >= 0) usable.push({ table, pkg, version });
  }
  if (usable.length === 0) {
    throw new InputError(`no dependency table found: a Markdown table needs a package column (${PACKAGE_HEADERS.slice(0, 3).join(', ')}, …) and a version column (${VERSION_HEADERS.slice(0, 3).join(', ')}, …)`, { file: shown });
  }
  const locked = new Map<string, Set<string>>();
  for (const p of inventory.locked) {
    const set = locked.get(key(p.name)) ?? new Set<string>();
    if (p.version !== undefined) set.add(p.version);
    locked.set(key(p.name), set);
  }
  const drift: Drift[] = [];
  const documented = new Set<string>();
  let unpinnedRows = 0;
  for (const { table, pkg, version } of usable) {
    for (const row of table.rows) {
      const name = cellText(row.cells[pkg] ?? '');
      if (name === '') continue;
      documented.add(key(name));
      const versions = locked.get(key(name));
      const cell = row.cells[version] ?? '';
      if (versions === undefined) {
        drift.push({ kind: 'not-locked', package: name, file: shown, line: row.line, ...(cellText(cell) !== '' ? { documented: cellText(cell) } : {}), message: `${name} is in the matrix but no lockfile pins it` });
        continue;
      }
      const exact = exactVersion(cell);
      if (exact === undefined) {
        unpinnedRows++;
        continue;
      }
      if (!versions.has(exact)) {
        const list = [...versions].sort();
        drift.push({ kind: 'version-mismatch', package: name, file: shown, line: row.line, documented: exact, locked: list, message: `${name}: the matrix says ${exact}, the lockfiles pin ${list.join(', ')}` });
      }
    }
  }
  const missing = new Map<string, { name: string; manifests: Set<string>; versions: Set<string> }>();
  for (const dep of inventory.dependencies) {
    if (documented.has(key(dep.name))) continue;
    const entry = missing.get(key(dep.name)) ?? { name: dep.name, manifests: new Set<string>(), versions: new Set<string>() };
    entry.manifests.add(dep.manifest);
    if (dep.version !== undefined) entry.versions.add(dep.version);
    missing.set(key(dep.name), entry);
  }
  for (const m of [...missing.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const manifests = [...m.manifests].sort().join(', ');
    const versions = [...m.versions].sort();
    drift.push({ kind: 'missing-from-matrix', package: m.name, file: shown, locked: versions, manifest: manifests, message: `${m.name} ${versions.join(', ')} is a direct dependency (${manifests}) missing from the matrix` });
  }
  return {
    file: shown,
    tables: usable.map(({ table, pkg, version }) => ({ line: table.line, packageColumn: cellText(table.headers[pkg] ?? ''), versionColumn: cellText(table.headers[version] ?? ''), rows: table.rows.length })),
    unpinnedRows,
    drift,
  };
}
