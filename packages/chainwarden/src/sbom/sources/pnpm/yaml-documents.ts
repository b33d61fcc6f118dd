import { LockfileError } from '../../../core/errors.js';
import { parseYamlText } from '../../../core/parse.js';

export interface YamlDocument {
  readonly value: unknown;
  /** Character offset of the document in the file. */
  readonly offset: number;
}

/**
 * Parses pnpm-lock.yaml into its YAML documents. pnpm 11+ may write two (`---`-separated): an "env" document
 * (configDependencies, packageManagerDependencies) followed by the project lockfile, which is always last.
 * Each document is parsed on its own, padded with the lines before it so that error lines stay file lines.
 */
export async function parseLockfileDocuments(text: string, file: string): Promise<YamlDocument[]> {
  const documents: YamlDocument[] = [];
  for (const { start, end } of documentRanges(text)) {
    const body = text.slice(start, end);
    if (isBlank(body) && (documents.length > 0 || end < text.length)) continue;
    const padding = '\n'.repeat(countNewlines(text, start));
    const value = await parseYamlText(padding + body, file, (message, loc, cause) => {
      const duplicate = (cause as { code?: unknown } | undefined)?.code === 'DUPLICATE_KEY';
      return new LockfileError(duplicate ? `duplicate key: an entry or field appears twice (${message})` : message, { file, ...loc }, { cause, code: duplicate ? 'LOCKFILE_DUPLICATE' : 'LOCKFILE_INVALID' });
    });
    documents.push({ value, offset: start });
  }
  return documents;
}

/** Ranges of the documents: split at lines that are exactly `---` (pnpm writes no block scalars). */
function documentRanges(text: string): { start: number; end: number }[] {
  const starts = [0];
  const marker = /^---[ \t]*\r?$/gm;
  for (let m = marker.exec(text); m !== null; m = marker.exec(text)) if (m.index > 0) starts.push(m.index);
  return starts.map((start, i) => ({ start, end: starts[i + 1] ?? text.length }));
}

function isBlank(body: string): boolean {
  return body.split('\n').every((line) => /^\s*(?:#.*)?$/.test(line) || /^---\s*$/.test(line));
}

function countNewlines(text: string, end: number): number {
  let count = 0;
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) count++;
  return count;
}
