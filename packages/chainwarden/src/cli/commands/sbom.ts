import { resolve } from 'node:path';
import { loadConfig } from '../../core/config.js';
import type { SbomSummary } from '../../sbom/generate.js';
import { writeSbom } from '../../sbom/generate.js';
import type { SbomFlags } from '../../sbom/options.js';
import { sbomOptions } from '../../sbom/options.js';
import type { CliIo } from '../io.js';
import { style, table } from '../io.js';

export function renderSbomSummary(summary: SbomSummary, io: CliIo): string {
  const s = style(io.stdout, io.env);
  const c = summary.components;
  const lines: string[] = [];
  lines.push(`${s.bold('SBOM')} ${summary.project.name}${summary.project.version !== undefined ? ` ${summary.project.version}` : ''}`);
  const formatName = summary.format === 'spdx-json' ? 'SPDX 2.3 JSON' : `CycloneDX ${summary.specVersion} ${summary.format === 'cyclonedx-xml' ? 'XML' : 'JSON'}`;
  lines.push(
    table([
      ...summary.lockfiles.map((l, i) => [i === 0 ? 'lockfiles' : '', `${l.path} (${l.format}, ${l.components} components)`]),
      [
        'components',
        `${c.total}: required ${c.byScope.required}, optional ${c.byScope.optional}, excluded ${c.byScope.excluded}${c.workspaceMembers > 0 ? `; ${c.workspaceMembers} workspace members` : ''}`,
      ],
      ['written', `${summary.output} (${formatName})`],
      ['sha256', summary.sha256],
    ]),
  );
  lines.push(s.bold('NTIA minimum elements'));
  lines.push(
    table(
      summary.ntia.map((e) => {
        const full = e.covered === e.total;
        const mark = full ? s.green('ok  ') : e.covered === 0 ? s.red('none') : s.yellow('part');
        return [mark, e.element, `${e.covered}/${e.total}`, full ? '' : s.dim(e.note ?? '')];
      }),
    ),
  );
  lines.push(table([['licences', `${summary.licenses.covered}/${summary.licenses.total}`, s.dim(summary.licenses.note ?? '')]]));
  for (const note of summary.notes) lines.push(`${s.dim('note:')} ${note}`);
  const shown = summary.warnings.slice(0, 20);
  for (const w of shown) lines.push(`${s.yellow('warning:')} ${w}`);
  if (summary.warnings.length > shown.length) lines.push(s.yellow(`… and ${summary.warnings.length - shown.length} more warnings (see --json)`));
  return `${lines.join('\n')}\n`;
}

export async function sbomCommand(projectDirArg: string | undefined, flags: SbomFlags, io: CliIo): Promise<number> {
  const projectDir = resolve(io.cwd, projectDirArg ?? '.');
  const { config } = await loadConfig(projectDir);
  const result = await writeSbom(sbomOptions(projectDir, config.sbom, flags, io.env));
  if (flags.json === true) io.stdout.write(`${JSON.stringify(result.summary, null, 2)}\n`);
  else io.stdout.write(renderSbomSummary(result.summary, io));
  return 0;
}
