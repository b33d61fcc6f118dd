/** Bounds on untrusted supplier documents, checked before any parser sees them. */
import { InputError } from '../../core/errors.js';

export const MAX_SBOM_BYTES = 100 * 1024 * 1024;
export const MAX_NESTING = 200;

export function checkSize(size: number, file: string): void {
  if (size > MAX_SBOM_BYTES) {
    throw new InputError(`the document is ${Math.round(size / 1024 / 1024)} MiB; the registry accepts SBOMs up to ${MAX_SBOM_BYTES / 1024 / 1024} MiB`, { file }, { code: 'SBOM_INVALID' });
  }
}

/** Rejects JSON or XML nested deeper than MAX_NESTING (brackets or elements), without recursion. */
export function checkNesting(text: string, file: string, kind: 'json' | 'xml'): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (kind === 'json') {
      if (inString) {
        if (ch === 92) i++;
        else if (ch === 34) inString = false;
        continue;
      }
      if (ch === 34) inString = true;
      else if (ch === 123 || ch === 91) depth++;
      else if (ch === 125 || ch === 93) depth--;
    } else if (ch === 60) {
      const next = text.charCodeAt(i + 1);
      if (next === 47) depth--;
      else if (next !== 33 && next !== 63) depth++;
    } else if (ch === 62 && text.charCodeAt(i - 1) === 47) depth--;
    if (depth > MAX_NESTING) throw new InputError(`nested deeper than ${MAX_NESTING} levels: not an SBOM the registry accepts`, { file }, { code: 'SBOM_INVALID' });
  }
}
