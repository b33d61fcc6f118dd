/**
 * License: a licence file (LICENSE, LICENCE, COPYING, LICENSE-*, or LICENSES/<SPDX-id>.txt), scored as Scorecard:
 * file present 6, an identified FSF/OSI licence 3, at the top level 1. The licence is identified from an SPDX id in
 * the file (SPDX-License-Identifier, a LICENSES/<id> file name) or its well-known first lines, else from package
 * metadata (package.json `license`, pyproject `license`).
 */
import { spdxLicenseId } from '../../../core/spdx-license.js';
import type { Check, CheckFinding } from '../types.js';

const LICENSE_FILE = /^(?:(?:.*\/)?)(licen[cs]e|copying)([-._][\w.-]*)?(\.(md|txt|rst|markdown))?$/i;

/** Opening words of common licences → SPDX id (all FSF/OSI approved). */
const HEADINGS: readonly [RegExp, string][] = [
  [/apache license\s*,?\s*version 2\.0/i, 'Apache-2.0'],
  [/\bmit license\b|permission is hereby granted, free of charge/i, 'MIT'],
  [/gnu general public license\s*version 3/i, 'GPL-3.0'],
  [/gnu general public license\s*version 2/i, 'GPL-2.0'],
  [/gnu lesser general public license\s*version 3/i, 'LGPL-3.0'],
  [/gnu lesser general public license\s*version 2\.1/i, 'LGPL-2.1'],
  [/gnu affero general public license/i, 'AGPL-3.0'],
  [/mozilla public license,?\s*(version|v\.?)\s*2\.0/i, 'MPL-2.0'],
  [/bsd 3-clause|redistributions in binary form must reproduce[\s\S]*neither the name/i, 'BSD-3-Clause'],
  [/bsd 2-clause|redistributions in binary form must reproduce/i, 'BSD-2-Clause'],
  [/\bisc license\b|permission to use, copy, modify, and\/or distribute this software/i, 'ISC'],
  [/eclipse public license\s*-?\s*v\s*2\.0/i, 'EPL-2.0'],
  [/the unlicense|this is free and unencumbered software/i, 'Unlicense'],
  [/boost software license/i, 'BSL-1.0'],
];

function identify(path: string, text: string): string | undefined {
  const tag = /SPDX-License-Identifier:\s*([\w.+-]+)/.exec(text)?.[1];
  if (tag !== undefined && spdxLicenseId(tag) !== undefined) return spdxLicenseId(tag);
  const fromName = /^LICENSES\/([\w.+-]+?)(\.txt)?$/i.exec(path)?.[1];
  if (fromName !== undefined && spdxLicenseId(fromName) !== undefined) return spdxLicenseId(fromName);
  const head = text.slice(0, 3000);
  return HEADINGS.find(([re]) => re.test(head))?.[1];
}

async function declaredLicense(repo: Parameters<Check['run']>[0]): Promise<string | undefined> {
  const pkg = await repo.text('package.json');
  if (pkg !== undefined) {
    try {
      const l = (JSON.parse(pkg) as { license?: unknown }).license;
      if (typeof l === 'string' && spdxLicenseId(l) !== undefined) return spdxLicenseId(l);
    } catch {
      // not our finding to report
    }
  }
  const py = await repo.text('pyproject.toml');
  const m = py !== undefined ? /^\s*license\s*=\s*(?:\{\s*text\s*=\s*)?"([^"]+)"/m.exec(py) : null;
  return m?.[1] !== undefined ? spdxLicenseId(m[1]) : undefined;
}

export const license: Check = {
  name: 'License',
  risk: 'Low',
  short: 'Determines if the project has defined a license.',
  async run(repo) {
    const files = (await repo.files()).filter((f) => (LICENSE_FILE.test(f) && !f.includes('/')) || /^LICENSES\/[^/]+$/i.test(f));
    if (files.length === 0) return { score: 0, reason: 'license file not detected', findings: [{ level: 'Warn', message: 'no LICENSE, COPYING or LICENSES/ file at the top level' }] };
    const findings: CheckFinding[] = [];
    let id: string | undefined;
    for (const file of files) {
      const found = identify(file, (await repo.text(file)) ?? '');
      findings.push({ level: 'Info', message: found !== undefined ? `license file detected: ${found}` : 'license file detected', file, line: 1 });
      id ??= found;
    }
    id ??= await declaredLicense(repo);
    if (id === undefined) findings.push({ level: 'Warn', message: 'could not identify an FSF or OSI approved licence in the licence file' });
    const score = 6 + (id !== undefined ? 3 : 0) + 1;
    return { score, reason: id !== undefined ? `license file detected (${id})` : 'license file detected, licence not identified', findings };
  },
};
