import { isRecord } from '../../../core/parse.js';
import type { DeclaredDependency, Pyproject } from '../python-common/pyproject.js';
import { declaredFromStrings, standardDeclared } from '../python-common/pyproject.js';

/** What a pdm project declares: PEP 621 / PEP 735 plus pdm's own `[tool.pdm.dev-dependencies]` (development groups). */
export function pdmDeclared(manifest: Pyproject): DeclaredDependency[] {
  const out = standardDeclared(manifest);
  const pdm = isRecord(manifest.tool['pdm']) ? manifest.tool['pdm'] : {};
  const dev = pdm['dev-dependencies'];
  if (isRecord(dev)) for (const [group, list] of Object.entries(dev)) out.push(...declaredFromStrings(list, 'excluded', group));
  return out;
}
