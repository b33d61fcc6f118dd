/** Loads OPA's YAML conformance cases from ../shared/conformance/opa/<version>. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

export interface ConformanceCase {
  /** `<dir>/<note>`: unique id used in opa-passing.txt. */
  readonly id: string;
  readonly dir: string;
  readonly file: string;
  readonly note: string;
  readonly query: string;
  readonly modules: readonly string[];
  readonly data?: unknown;
  readonly input?: unknown;
  readonly inputTerm?: string;
  readonly wantResult?: readonly Record<string, unknown>[];
  readonly wantDefined?: boolean;
  readonly wantErrorCode?: string;
  readonly wantError?: string;
  readonly sortBindings: boolean;
  readonly strictError: boolean;
}

const here = dirname(fileURLToPath(import.meta.url));
/** packages/rego/dist/test/conformance -> the repository root -> ../shared */
export const SHARED_OPA = process.env['OPA_CONFORMANCE_DIR'] ?? resolve(here, '../../../../../../shared/conformance/opa');

export function loadCases(version = 'v1'): ConformanceCase[] {
  const root = join(SHARED_OPA, version);
  const out: ConformanceCase[] = [];
  const seen = new Map<string, number>();
  for (const dir of readdirSync(root).sort()) {
    const d = join(root, dir);
    if (!statSync(d).isDirectory()) continue;
    for (const f of readdirSync(d).sort()) {
      if (!f.endsWith('.yaml') && !f.endsWith('.yml')) continue;
      const text = readFileSync(join(d, f), 'utf8');
      for (const doc of parseAllDocuments(text, { intAsBigInt: true })) {
        const js = doc.toJS({ maxAliasCount: -1 }) as { cases?: Record<string, unknown>[] } | null;
        for (const c of js?.cases ?? []) {
          const note = String(c['note']);
          let id = `${dir}/${note}`;
          const n = seen.get(id) ?? 0;
          seen.set(id, n + 1);
          if (n > 0) id = `${id}#${n + 1}`;
          out.push({
            id,
            dir,
            file: `${dir}/${f}`,
            note,
            query: String(c['query']),
            modules: (c['modules'] as string[] | undefined) ?? [],
            data: c['data'],
            input: c['input'],
            inputTerm: c['input_term'] as string | undefined,
            wantResult: c['want_result'] as Record<string, unknown>[] | undefined,
            wantDefined: c['want_defined'] as boolean | undefined,
            wantErrorCode: c['want_error_code'] as string | undefined,
            wantError: c['want_error'] as string | undefined,
            sortBindings: c['sort_bindings'] === true,
            strictError: c['strict_error'] === true,
          });
        }
      }
    }
  }
  return out;
}
