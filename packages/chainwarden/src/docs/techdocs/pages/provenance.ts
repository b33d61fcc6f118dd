import type { ProvenanceSummary } from '../../../attest/provenance.js';
import type { SignOutputsSummary } from '../../../attest/sign-outputs.js';
import type { ChecksumsSummary } from '../../../attest/checksums.js';
import { code, mdTable } from '../markdown.js';
import type { TechdocsPage } from './page.js';
import { stageDetail, stageSummary } from './page.js';

export const provenancePage: TechdocsPage = {
  file: 'provenance.md',
  title: 'Provenance',
  render(inputs) {
    const out: string[] = ['# Provenance', ''];
    const p = stageSummary<ProvenanceSummary>(inputs, 'provenance');
    if (p === undefined) out.push(`No provenance in this run (${stageDetail(inputs, 'provenance')}).`);
    else {
      const source = p.source.unknown !== undefined ? `unknown (${p.source.unknown})` : `${p.source.uri ?? '—'} ${p.source.ref ?? ''} ${p.source.commit ?? ''}`.trim();
      out.push(
        mdTable(
          ['', ''],
          [
            ['statement', code(p.output)],
            ['sha256', code(p.sha256)],
            ['build environment', p.environment],
            ['builder', code(p.builderId)],
            ['build type', code(p.buildType)],
            ['source', source],
            ['subjects from', p.subjectsFrom === 'fallback' ? 'the SBOM (no build artefact)' : p.subjectsFrom],
          ],
        ),
        '',
        '## Subjects',
        '',
        mdTable(['subject', 'digests'], p.subjects.map((s) => [code(s.name), Object.entries(s.digest).map(([a, d]) => `${a}:${d}`).join(' ')])),
      );
    }
    const c = stageSummary<ChecksumsSummary>(inputs, 'checksums');
    out.push('', '## Checksums', '');
    if (c === undefined) out.push(`No checksum file in this run (${stageDetail(inputs, 'checksums')}).`);
    else out.push(`${code(c.output)} (${c.algorithm}, sha256sum format): \`sha256sum -c ${c.output}\` checks it.`, '', mdTable(['file', c.algorithm], c.files.map((f) => [code(f.name), code(f.digest)])));
    const s = stageSummary<SignOutputsSummary>(inputs, 'sign');
    out.push('', '## Signatures', '');
    if (s === undefined) out.push(`Not signed in this run (${stageDetail(inputs, 'sign')}).`);
    else if (!s.signed) out.push(`**Unsigned** (interim: digests and checksums only): ${s.reason ?? 'no key or OIDC token'}.`);
    else out.push(`Signed (${s.mode}); verify with \`chainwarden verify <file> --bundle <bundle>\`.`, '', mdTable(['file', 'bundle', 'kind'], s.outputs.map((o) => [code(o.file), code(o.bundle), o.kind])));
    out.push('');
    return out.join('\n');
  },
};
