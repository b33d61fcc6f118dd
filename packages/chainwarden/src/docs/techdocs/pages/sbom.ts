import type { SbomSummary } from '../../../sbom/generate.js';
import { code, mdTable } from '../markdown.js';
import type { TechdocsPage } from './page.js';
import { stageDetail, stageSummary } from './page.js';

export const sbomPage: TechdocsPage = {
  file: 'sbom.md',
  title: 'SBOM',
  render(inputs) {
    const s = stageSummary<SbomSummary>(inputs, 'sbom');
    if (s === undefined) return `# SBOM\n\nNo SBOM in this run (${stageDetail(inputs, 'sbom')}).\n`;
    const c = s.components;
    return [
      '# SBOM',
      '',
      mdTable(
        ['', ''],
        [
          ['project', `${s.project.name}${s.project.version !== undefined ? ` ${s.project.version}` : ''}`],
          ['file', code(s.output)],
          ['format', `${s.format} ${s.specVersion}`],
          ['sha256', code(s.sha256)],
          ['components', String(c.total)],
          ['dependency edges', String(s.dependencies)],
          ['licences', `${s.licenses.covered} of ${s.licenses.total} components${s.licenses.note !== undefined ? ` (${s.licenses.note})` : ''}`],
        ],
      ),
      '',
      '## Lockfiles',
      '',
      mdTable(['lockfile', 'format', 'components'], s.lockfiles.map((l) => [code(l.path), l.format, String(l.components)])),
      '',
      '## Components by scope',
      '',
      mdTable(['scope', 'components'], Object.entries(c.byScope).map(([k, v]) => [k, String(v)])),
      '',
      '## Components by ecosystem',
      '',
      mdTable(['ecosystem', 'components'], Object.entries(c.byEcosystem).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, String(v)])),
      '',
      '## NTIA minimum elements',
      '',
      mdTable(['element', 'covered', 'note'], s.ntia.map((n) => [n.element, `${n.covered} of ${n.total}`, n.note ?? ''])),
      ...(s.warnings.length > 0 ? ['', '## Warnings', '', ...s.warnings.map((w) => `- ${w}`)] : []),
      '',
    ].join('\n');
  },
};
