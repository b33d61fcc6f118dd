import { code, mdTable, recordsTable } from '../markdown.js';
import type { TechdocsPage } from './page.js';

export const evidencePage: TechdocsPage = {
  file: 'evidence.md',
  title: 'Evidence index',
  render(inputs) {
    const out: string[] = ['# Evidence index', '', '## This run', ''];
    out.push(
      inputs.evidence.length === 0
        ? 'No evidence file on disk.'
        : mdTable(['file', 'stage', 'sha256', 'bytes'], inputs.evidence.map((e) => [code(e.file), e.stage, code(e.sha256), String(e.size)])),
      '',
      `Check the digests with \`sha256sum\`; the run's reports are ${code(inputs.report.reports.markdown)} and ${code(inputs.report.reports.json)}.`,
      '',
      '## Evidence store',
      '',
    );
    if (inputs.store === null) out.push(`No evidence store yet (${code(inputs.storeDir)} does not exist; release runs keep their evidence there for a year).`);
    else if (inputs.store.entries.length === 0) out.push(`${code(inputs.storeDir)}: no index entries.`);
    else out.push(`From ${inputs.store.files.map(code).join(', ')}:`, '', recordsTable(inputs.store.entries));
    out.push('', '## Registry', '');
    if (inputs.registry === null) out.push(`Not in the registry: ${inputs.registryNote ?? 'no registry yet'}.`);
    else {
      out.push(
        `${inputs.registry.product}: ${inputs.registry.versions.length} version(s) registered.`,
        '',
        mdTable(['version', 'registered', 'SBOM sha256', 'signature', 'components'], inputs.registry.versions.map((v) => [v.version, v.ingestedAt, code(v.sha256), v.signature, String(v.components)])),
      );
    }
    out.push('');
    return out.join('\n');
  },
};
