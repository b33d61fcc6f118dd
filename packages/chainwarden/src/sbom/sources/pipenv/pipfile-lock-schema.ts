import { LockfileError } from '../../../core/errors.js';
import { isRecord, keyPath } from '../../../core/parse.js';
import { describe } from '../python-common/lock-errors.js';

/** `_meta.pipfile-spec` values chainwarden reads. */
export const SUPPORTED_PIPFILE_SPECS: readonly number[] = [6];

export interface PipfileSource {
  readonly name: string;
  readonly url: string;
}

export interface PipenvEntry {
  readonly category: string;
  readonly name: string;
  readonly line?: number;
  readonly version?: string;
  readonly hashes: readonly string[];
  readonly index?: string;
  readonly git?: string;
  readonly ref?: string;
  readonly path?: string;
  readonly file?: string;
  readonly editable: boolean;
}

export interface PipfileLock {
  readonly sources: readonly PipfileSource[];
  /** Categories (`default`, `develop`, and any custom Pipfile category) in file order. */
  readonly categories: readonly string[];
  readonly entries: readonly PipenvEntry[];
}

type Lines = ReadonlyMap<string, number>;

function fail(file: string, lines: Lines, path: string[], message: string, code?: 'LOCKFILE_UNSUPPORTED'): LockfileError {
  let line: number | undefined;
  for (let n = path.length; n > 0 && line === undefined; n--) line = lines.get(path.slice(0, n).join('\u0000'));
  return new LockfileError(message, { file, ...(line !== undefined ? { line } : {}), path: keyPath(...path) }, code !== undefined ? { code } : undefined);
}

function readSources(meta: Record<string, unknown>, file: string, lines: Lines): PipfileSource[] {
  const raw = meta['sources'] ?? [];
  if (!Array.isArray(raw)) throw fail(file, lines, ['_meta', 'sources'], `must be an array, got ${describe(raw)}`);
  return raw.map((s: unknown, i) => {
    if (!isRecord(s) || typeof s['url'] !== 'string') throw fail(file, lines, ['_meta', 'sources'], `sources[${i}] must be a table with a string \`url\`, got ${describe(s)}`);
    return { name: typeof s['name'] === 'string' ? s['name'] : '', url: s['url'] };
  });
}

function readEntry(category: string, name: string, value: unknown, file: string, lines: Lines): PipenvEntry {
  const path = [category, name];
  if (!isRecord(value)) throw fail(file, lines, path, `must be an object, got ${describe(value)}`);
  const text = (field: string): string | undefined => {
    const v = value[field];
    if (v === undefined) return undefined;
    if (typeof v !== 'string') throw fail(file, lines, [...path, field], `\`${field}\` must be a string, got ${describe(v)}`);
    return v;
  };
  const hashes = value['hashes'] ?? [];
  if (!Array.isArray(hashes) || !hashes.every((h): h is string => typeof h === 'string')) {
    throw fail(file, lines, [...path, 'hashes'], `\`hashes\` must be an array of strings, got ${describe(hashes)}`);
  }
  const editable = value['editable'];
  if (editable !== undefined && typeof editable !== 'boolean') throw fail(file, lines, [...path, 'editable'], `\`editable\` must be true or false, got ${describe(editable)}`);
  const version = text('version');
  const [index, git, ref, localPath, fileRef] = [text('index'), text('git'), text('ref'), text('path'), text('file')];
  const pinned = version !== undefined ? /^===?\s*(\S+)$/.exec(version.trim())?.[1] : undefined;
  if (version !== undefined && pinned === undefined) throw fail(file, lines, [...path, 'version'], `\`version\` must be a pin like "==1.2.3", got ${JSON.stringify(version)}`);
  if (pinned === undefined && git === undefined && localPath === undefined && fileRef === undefined) {
    throw fail(file, lines, path, 'has no `version` and no git, path or file source');
  }
  const line = lines.get(path.join('\u0000'));
  return {
    category,
    name,
    ...(line !== undefined ? { line } : {}),
    ...(pinned !== undefined ? { version: pinned } : {}),
    hashes,
    ...(index !== undefined ? { index } : {}),
    ...(git !== undefined ? { git } : {}),
    ...(ref !== undefined ? { ref } : {}),
    ...(localPath !== undefined ? { path: localPath } : {}),
    ...(fileRef !== undefined ? { file: fileRef } : {}),
    editable: editable === true,
  };
}

/** Validates a parsed Pipfile.lock. Throws LockfileError naming the file, line and key. */
export function readPipfileLock(doc: unknown, file: string, lines: Lines): PipfileLock {
  if (!isRecord(doc)) throw new LockfileError(`the document must be a JSON object, got ${describe(doc)}`, { file, line: 1 });
  const meta = doc['_meta'];
  if (!isRecord(meta)) throw fail(file, lines, ['_meta'], meta === undefined ? 'missing `_meta` (is this a Pipfile.lock?)' : `\`_meta\` must be an object, got ${describe(meta)}`);
  const spec = meta['pipfile-spec'];
  if (spec === undefined) throw fail(file, lines, ['_meta'], 'missing `_meta.pipfile-spec`');
  if (typeof spec !== 'number' || !SUPPORTED_PIPFILE_SPECS.includes(spec)) {
    const message = `unsupported Pipfile.lock pipfile-spec ${JSON.stringify(spec)} (supported: ${SUPPORTED_PIPFILE_SPECS.join(', ')})`;
    throw fail(file, lines, ['_meta', 'pipfile-spec'], message, 'LOCKFILE_UNSUPPORTED');
  }
  const sources = readSources(meta, file, lines);
  const categories: string[] = [];
  const entries: PipenvEntry[] = [];
  for (const [category, body] of Object.entries(doc)) {
    if (category === '_meta') continue;
    if (!isRecord(body)) throw fail(file, lines, [category], `a package category must be an object, got ${describe(body)}`);
    categories.push(category);
    for (const [name, value] of Object.entries(body)) entries.push(readEntry(category, name, value, file, lines));
  }
  return { sources, categories, entries };
}
