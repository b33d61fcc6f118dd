import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CONFIG_SCHEMA } from '../config-schema.js';
import type { ChainwardenConfig } from '../config-schema.js';
import { ConfigError, IoError } from './errors.js';
import { keyPath } from './parse.js';
import { validate } from './schema.js';

export const CONFIG_FILE = 'chainwarden.yaml';

export interface LoadedConfig {
  readonly config: ChainwardenConfig;
  /** The file it came from, relative to the project, or undefined when there is none. */
  readonly file?: string;
}

/** Loads and validates `chainwarden.yaml` from the project directory; absent file → empty config. */
export async function loadConfig(projectDir: string, file: string = CONFIG_FILE): Promise<LoadedConfig> {
  let text: string;
  try {
    text = await readFile(join(projectDir, file), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { config: {} };
    throw new IoError(`${file}: cannot read (${String(error)})`, { cause: error });
  }
  const { parseDocument, LineCounter, isMap, isPair, isScalar } = await import('yaml');
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  const first = doc.errors[0];
  if (first !== undefined) {
    const pos = first.linePos?.[0];
    throw new ConfigError(`invalid YAML (${(first.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')})`, {
      file,
      ...(pos !== undefined ? { line: pos.line, column: pos.col } : {}),
    });
  }
  const value: unknown = doc.toJS() ?? {};
  const issue = validate(CONFIG_SCHEMA, value);
  if (issue !== undefined) {
    // Point at the key (for unknown keys) or the value.
    let line: number | undefined;
    const parentPath = issue.path.slice(0, -1);
    const last = issue.path[issue.path.length - 1];
    const parent = parentPath.length === 0 ? doc.contents : doc.getIn(parentPath, true);
    if (isMap(parent) && last !== undefined) {
      const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === last);
      const node = issue.atKey === true ? pair?.key : pair?.value;
      const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
      if (range !== undefined) line = lineCounter.linePos(range[0]).line;
    } else {
      const node = doc.getIn(issue.path, true) as { range?: [number, number, number] } | undefined;
      if (node?.range !== undefined) line = lineCounter.linePos(node.range[0]).line;
    }
    const path = keyPath(...issue.path);
    throw new ConfigError(`${path === '' ? 'document' : path}: ${issue.message}`, { file, ...(line !== undefined ? { line } : {}) });
  }
  return { config: value as ChainwardenConfig, file };
}
