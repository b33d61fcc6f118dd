/**
 * Dependency-Update-Tool: Dependabot (`.github/dependabot.yml` with `updates`), Renovate (renovate.json[5],
 * .renovaterc[.json[5]], .github/ or .gitlab/renovate.json[5], package.json#renovate) or PyUp (.pyup.yml). Each
 * config is parsed: a broken one is reported with its line and does not count.
 */
import type { Check, CheckFinding } from '../types.js';
import { MAX_SCORE } from '../types.js';

const RENOVATE_FILES = ['renovate.json', 'renovate.json5', '.renovaterc', '.renovaterc.json', '.renovaterc.json5', '.github/renovate.json', '.github/renovate.json5', '.gitlab/renovate.json', '.gitlab/renovate.json5'];

/** JSON5 enough for presence: strips comments and trailing commas, then JSON.parse. */
function parseJsonish(text: string): unknown {
  const stripped = text.replace(/("(?:[^"\\]|\\.)*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (_, s: string | undefined) => s ?? '').replace(/,(\s*[}\]])/g, '$1');
  return JSON.parse(stripped);
}

export const dependencyUpdateTool: Check = {
  name: 'Dependency-Update-Tool',
  risk: 'High',
  short: 'Determines if the project uses a dependency update tool.',
  async run(repo) {
    const findings: CheckFinding[] = [];
    const tools: string[] = [];
    const files = await repo.files();
    for (const file of files.filter((f) => /^\.github\/dependabot\.ya?ml$/.test(f))) {
      const { parseDocument, LineCounter } = await import('yaml');
      const lines = new LineCounter();
      const doc = parseDocument((await repo.text(file)) ?? '', { lineCounter: lines });
      const err = doc.errors[0];
      if (err !== undefined) {
        findings.push({ level: 'Warn', message: `Dependabot config is not valid YAML: ${(err.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}`, file, line: err.linePos?.[0].line ?? 1 });
        continue;
      }
      const updates = (doc.toJS() as { updates?: unknown } | null)?.updates;
      if (!Array.isArray(updates) || updates.length === 0) {
        findings.push({ level: 'Warn', message: 'Dependabot config has no `updates` entries', file, line: 1 });
        continue;
      }
      const ecosystems = [...new Set(updates.map((u) => (u as { 'package-ecosystem'?: unknown })['package-ecosystem']).filter((e): e is string => typeof e === 'string'))].sort();
      tools.push('Dependabot');
      findings.push({ level: 'Info', message: `Dependabot configured for ${ecosystems.join(', ') || 'no ecosystem'}`, file, line: 1 });
    }
    for (const file of RENOVATE_FILES.filter((f) => files.includes(f))) {
      try {
        parseJsonish((await repo.text(file)) ?? '');
        tools.push('Renovate');
        findings.push({ level: 'Info', message: 'Renovate configured', file, line: 1 });
      } catch (e) {
        findings.push({ level: 'Warn', message: `Renovate config is not valid JSON: ${(e as Error).message}`, file });
      }
    }
    if (files.includes('package.json')) {
      try {
        const pkg = JSON.parse((await repo.text('package.json')) ?? '{}') as { renovate?: unknown };
        if (pkg.renovate !== undefined) {
          tools.push('Renovate');
          findings.push({ level: 'Info', message: 'Renovate configured in package.json#renovate', file: 'package.json' });
        }
      } catch {
        // package.json problems are another tool's business
      }
    }
    if (files.includes('.pyup.yml')) {
      tools.push('PyUp');
      findings.push({ level: 'Info', message: 'PyUp configured', file: '.pyup.yml', line: 1 });
    }
    const unique = [...new Set(tools)];
    if (unique.length === 0) return { score: 0, reason: 'no update tool detected', findings: [...findings, { level: 'Warn', message: 'no Dependabot or Renovate configuration found' }] };
    return { score: MAX_SCORE, reason: `update tool detected: ${unique.join(', ')}`, findings };
  },
};
