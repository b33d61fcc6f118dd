import { spdxLicenseId } from '../../core/spdx-license.js';
import type { License } from '../model.js';
import type { SpdxExtractedLicense } from './spdx-document.js';
import { NOASSERTION, compareStrings } from './spdx-document.js';
import { spdxIdString, uniqueIds } from './spdx-ids.js';

const TOKEN = /\s*(\(|\)|[^\s()]+)/y;

/** `(MIT OR Apache-2.0)` → `MIT OR Apache-2.0`; `(A OR B) AND (C OR D)` stays as it is. */
function withoutOuterParentheses(expression: string): string {
  let text = expression;
  while (text.startsWith('(') && text.endsWith(')')) {
    let depth = 0;
    let closesAtEnd = true;
    for (let i = 0; i < text.length; i++) {
      if (text[i] === '(') depth++;
      else if (text[i] === ')') depth--;
      if (depth === 0 && i < text.length - 1) {
        closesAtEnd = false;
        break;
      }
    }
    if (!closesAtEnd) break;
    text = text.slice(1, -1);
  }
  return text;
}

/**
 * Declared licences as SPDX sees them: one expression per package, and the `LicenseRef-…` definitions the document
 * must carry for every licence that is not on the SPDX list (free-text names, and references inside expressions).
 * Built from every licence list in the document first, so a name's `LicenseRef-` id is the same wherever it occurs.
 */
export class SpdxLicenses {
  private readonly nameRefs: ReadonlyMap<string, string>;
  private readonly expressionRefs = new Set<string>();

  constructor(lists: Iterable<readonly License[]>) {
    const names: string[] = [];
    for (const list of lists) for (const l of list) if (l.kind === 'name') names.push(l.name);
    this.nameRefs = uniqueIds(names, 'LicenseRef-', spdxIdString);
  }

  /** The `licenseDeclared` expression for a licence list (`NOASSERTION` when empty); several licences are ANDed. */
  expression(licenses: readonly License[]): string {
    const parts = licenses.map((l) => {
      if (l.kind === 'id') return spdxLicenseId(l.id) ?? l.id;
      if (l.kind === 'name') return this.nameRefs.get(l.name) as string;
      const text = this.normalise(l.expression);
      return licenses.length > 1 && /\s/.test(text) ? `(${text})` : text;
    });
    const unique = [...new Set(parts)];
    return unique.length === 0 ? NOASSERTION : unique.join(' AND ');
  }

  /** `hasExtractedLicensingInfos`: one entry per `LicenseRef-` used by any expression returned so far, sorted. */
  extractedInfos(): SpdxExtractedLicense[] {
    const infos: SpdxExtractedLicense[] = [...this.nameRefs].map(([name, licenseId]) => ({
      licenseId,
      name,
      extractedText: name,
      comment: 'Licence declared by name in the package metadata; chainwarden did not have its text.',
    }));
    const defined = new Set(infos.map((i) => i.licenseId));
    for (const ref of this.expressionRefs) {
      if (defined.has(ref)) continue;
      infos.push({ licenseId: ref, name: ref.slice('LicenseRef-'.length), extractedText: ref, comment: 'Licence reference declared in the package metadata; chainwarden did not have its text.' });
    }
    return infos.sort((a, b) => compareStrings(a.licenseId, b.licenseId));
  }

  /** Operators upper-cased, known licence ids in their canonical case, `LicenseRef-` ids recorded. */
  private normalise(expression: string): string {
    const out: string[] = [];
    TOKEN.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = TOKEN.exec(expression)) !== null) {
      const token = m[1] as string;
      const upper = token.toUpperCase();
      if (upper === 'AND' || upper === 'OR' || upper === 'WITH') out.push(upper);
      else if (token.startsWith('LicenseRef-')) {
        this.expressionRefs.add(token);
        out.push(token);
      } else out.push(spdxLicenseId(token) ?? token);
    }
    return withoutOuterParentheses(out.join(' ').replace(/\( /g, '(').replace(/ \)/g, ')'));
  }
}
