import { isRecord } from '../../../core/parse.js';
import type { DeclaredDependency, Pyproject } from '../python-common/pyproject.js';
import { standardDeclared } from '../python-common/pyproject.js';

function constraintOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (isRecord(value) && typeof value['version'] === 'string') return value['version'];
  return '';
}

function isOptional(value: unknown): boolean {
  const branches = Array.isArray(value) ? value : [value];
  return branches.length > 0 && branches.every((b) => isRecord(b) && b['optional'] === true);
}

function fromTable(table: unknown, scopeOf: (value: unknown) => DeclaredDependency['scope'], group: string): DeclaredDependency[] {
  if (!isRecord(table)) return [];
  return Object.entries(table)
    .filter(([name]) => name.toLowerCase() !== 'python')
    .map(([name, value]) => ({ name, scope: scopeOf(value), group, constraint: Array.isArray(value) ? '' : constraintOf(value) }));
}

/**
 * What a Poetry project declares: PEP 621 `[project]` (Poetry 2), `[tool.poetry.dependencies]` (optional entries are
 * extras), `[tool.poetry.group.<g>.dependencies]` (`main` is the main group; the others are development groups),
 * the legacy `[tool.poetry.dev-dependencies]`, and PEP 735 `[dependency-groups]`.
 */
export function poetryDeclared(manifest: Pyproject): DeclaredDependency[] {
  const out = standardDeclared(manifest);
  const poetry = isRecord(manifest.tool['poetry']) ? manifest.tool['poetry'] : {};
  out.push(...fromTable(poetry['dependencies'], (v) => (isOptional(v) ? 'optional' : 'required'), 'main'));
  out.push(...fromTable(poetry['dev-dependencies'], () => 'excluded', 'dev'));
  const groups = poetry['group'];
  if (isRecord(groups)) {
    for (const [group, body] of Object.entries(groups)) {
      if (!isRecord(body)) continue;
      out.push(...fromTable(body['dependencies'], (v) => (group === 'main' ? (isOptional(v) ? 'optional' : 'required') : 'excluded'), group));
    }
  }
  return out;
}
