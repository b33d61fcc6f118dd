/**
 * Loads Rego modules and data documents from files and directories, as `opa eval -d` does: `.rego` files are
 * modules; `.json`/`.yaml` data files are placed at the path of their directory relative to the argument
 * (`-d policy` with `policy/lib/data.json` gives `data.lib`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ObjectBuilder, isObject, objEntries, objGet, parseJson } from '@chainwarden/rego';
import type { ModuleSource, Value } from '@chainwarden/rego';
import { InputError } from '../../core/errors.js';

export interface RegoSources {
  readonly modules: ModuleSource[];
  readonly data: Value;
}

const DATA_EXT = /\.(json|ya?ml)$/;

export function loadRegoSources(paths: readonly string[], baseDir: string): RegoSources {
  const modules: ModuleSource[] = [];
  let data: Value = {};
  for (const p of paths) {
    const abs = resolve(baseDir, p);
    let st;
    try {
      st = statSync(abs);
    } catch (e) {
      throw new InputError('no such file or directory', { file: p }, { cause: e });
    }
    const root = st.isDirectory() ? abs : dirname(abs);
    for (const file of st.isDirectory() ? walk(abs) : [abs]) {
      const shown = relative(baseDir, file) || basename(file);
      if (file.endsWith('.rego')) modules.push({ file: shown, text: readFileSync(file, 'utf8') });
      else if (DATA_EXT.test(file)) {
        const doc = readData(file, shown);
        const rel = relative(root, dirname(file));
        const at = rel === '' ? [] : rel.split(sep);
        data = mergeAt(data, at, doc, shown);
      }
    }
  }
  return { modules, data };
}

/** Reads one JSON or YAML document (big integers kept exact in JSON). */
export function readData(file: string, shown: string): Value {
  const text = readFileSync(file, 'utf8');
  try {
    return file.endsWith('.json') ? parseJson(text) : ((parseYaml(text) ?? {}) as Value);
  } catch (e) {
    throw new InputError(`not valid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${(e as Error).message}`, { file: shown }, { cause: e });
  }
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (name.endsWith('.rego') || DATA_EXT.test(name)) out.push(p);
  }
  return out;
}

function mergeAt(base: Value, path: readonly string[], doc: Value, shown: string): Value {
  if (path.length === 0) return merge(base, doc, shown);
  const [head, ...rest] = path as [string, ...string[]];
  const b = new ObjectBuilder();
  if (isObject(base)) for (const [k, v] of objEntries(base)) b.set(k, v);
  const cur = isObject(base) ? objGet(base, head) : undefined;
  b.set(head, mergeAt(cur ?? {}, rest, doc, shown));
  return b.build();
}

function merge(a: Value, b: Value, shown: string): Value {
  if (!isObject(a) || !isObject(b)) throw new InputError('data file conflicts with another data file at the same path', { file: shown });
  const out = new ObjectBuilder();
  for (const [k, v] of objEntries(a)) out.set(k, v);
  for (const [k, v] of objEntries(b)) {
    const prev = out.get(k);
    out.set(k, prev === undefined ? v : merge(prev, v, shown));
  }
  return out.build();
}
