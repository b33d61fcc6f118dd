/** Reads arbitrary JSON/YAML input documents for `chainwarden policy eval <file>…`, as conftest does. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Value } from '@chainwarden/rego';
import { InputError } from '../core/errors.js';
import { jsonErrorOffset } from '../core/json-error.js';
import { lineColumnAt, parseJsonText, parseYamlText } from '../core/parse.js';

const factory = (file: string) => (message: string, loc: { line?: number; column?: number }, cause: unknown) => new InputError(message, { file, ...loc }, { cause });

export async function readInputDocument(baseDir: string, file: string): Promise<Value> {
  let text: string;
  try {
    text = await readFile(resolve(baseDir, file), 'utf8');
  } catch (e) {
    throw new InputError(`cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, { file }, { cause: e });
  }
  const isYaml = /\.ya?ml$/i.test(file);
  const json = /\.json$/i.test(file) || (!isYaml && /^\s*[[{]/.test(text));
  let doc: unknown;
  try {
    doc = json ? parseJsonText(text, file, factory(file)) : await parseYamlText(text, file, factory(file));
  } catch (e) {
    // V8 does not always say where JSON went wrong.
    if (!json || !(e instanceof InputError) || e.location.line !== undefined) throw e;
    const at = jsonErrorOffset(text);
    if (at !== undefined) throw new InputError(e.message.slice(`${file}: `.length), { file, ...lineColumnAt(text, at) }, { cause: e });
    throw e;
  }
  if (typeof doc !== 'object' || doc === null) throw new InputError('not a JSON or YAML document (expected an object or an array)', { file, line: 1 });
  return doc as Value;
}
