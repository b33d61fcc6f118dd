/** The committed list of conformance cases that pass (test/opa-passing.txt, one id a line). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
/** dist/test/conformance -> packages/rego/test/opa-passing.txt */
export const OPA_PASSING_FILE = resolve(here, '../../../test/opa-passing.txt');

export function readPassing(): Set<string> {
  if (!existsSync(OPA_PASSING_FILE)) return new Set();
  return new Set(readFileSync(OPA_PASSING_FILE, 'utf8').split('\n').filter((l) => l.length > 0));
}
