/** CycloneDX JSON (1.2–1.7) → the registry's model. Nested components are flattened; `at` keeps their place. */
import { InputError } from '../../core/errors.js';
import { isRecord } from '../../core/parse.js';
import type { ParsedComponent, ParsedDependency, ParsedSbom } from './model.js';

export const CYCLONEDX_VERSIONS: readonly string[] = ['1.2', '1.3', '1.4', '1.5', '1.6', '1.7'];

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function licensesOf(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const out: string[] = [];
  for (const entry of value) {
    if (!isRecord(entry)) continue;
    const expression = str(entry['expression']);
    if (expression !== undefined) out.push(expression);
    const license = entry['license'];
    if (isRecord(license)) {
      const id = str(license['id']) ?? str(license['name']);
      if (id !== undefined) out.push(id);
    }
  }
  return out;
}

export function componentFrom(value: unknown, at: string, fallbackRef: string): ParsedComponent {
  const c = isRecord(value) ? value : {};
  const supplier = isRecord(c['supplier']) ? str(c['supplier']['name']) : undefined;
  const group = str(c['group']);
  const version = str(c['version']);
  const purl = str(c['purl']);
  return {
    at,
    bomRef: str(c['bom-ref']) ?? fallbackRef,
    type: str(c['type']) ?? '',
    name: typeof c['name'] === 'string' ? c['name'] : '',
    ...(group !== undefined ? { group } : {}),
    ...(version !== undefined ? { version } : {}),
    ...(purl !== undefined ? { purl } : {}),
    ...(supplier !== undefined ? { supplier } : {}),
    licenses: licensesOf(c['licenses']),
    raw: value,
  };
}

export function readCycloneDxJson(doc: Record<string, unknown>, file: string): ParsedSbom {
  const specVersion = str(doc['specVersion']) ?? '';
  if (!CYCLONEDX_VERSIONS.includes(specVersion)) {
    throw new InputError(`unsupported CycloneDX specVersion "${specVersion}" (supported: ${CYCLONEDX_VERSIONS.join(', ')})`, { file, path: 'specVersion' }, { code: 'SBOM_INVALID' });
  }
  const components: ParsedComponent[] = [];
  const pointers: string[] = [];
  const walk = (list: unknown, at: string, pointer: string): void => {
    if (!Array.isArray(list)) return;
    list.forEach((value: unknown, i) => {
      components.push(componentFrom(value, `${at}[${i}]`, `${at}[${i}]`));
      pointers.push(`${pointer}/${i}`);
      if (isRecord(value)) walk(value['components'], `${at}[${i}].components`, `${pointer}/${i}/components`);
    });
  };
  walk(doc['components'], 'components', '/components');
  const meta = isRecord(doc['metadata']) && isRecord(doc['metadata']['component']) ? doc['metadata']['component'] : {};
  // Workspace members and sub-projects nested under the described product are components too.
  walk(meta['components'], 'metadata.component.components', '/metadata/component/components');
  const dependencies: ParsedDependency[] = [];
  if (Array.isArray(doc['dependencies'])) {
    for (const d of doc['dependencies'] as unknown[]) {
      if (!isRecord(d) || typeof d['ref'] !== 'string') continue;
      const on = Array.isArray(d['dependsOn']) ? (d['dependsOn'] as unknown[]) : [];
      dependencies.push({ ref: d['ref'], dependsOn: on.map((x) => (isRecord(x) ? x['ref'] : x)).filter((x): x is string => typeof x === 'string') });
    }
  }
  const metadata = isRecord(doc['metadata']) ? doc['metadata'] : {};
  const root = isRecord(metadata['component']) ? metadata['component'] : {};
  const name = str(root['group']) !== undefined && str(root['name']) !== undefined ? `${str(root['group']) ?? ''}/${str(root['name']) ?? ''}` : str(root['name']);
  const version = str(root['version']);
  const authors = metadata['authors'];
  const tools = metadata['tools'];
  const timestamp = str(metadata['timestamp']);
  const rootRef = str(root['bom-ref']);
  return {
    ...(rootRef !== undefined ? { rootRef } : {}),
    format: 'cyclonedx-json',
    specVersion,
    product: { ...(name !== undefined ? { name } : {}), ...(version !== undefined ? { version } : {}) },
    components,
    pointers,
    dependencies,
    hasAuthor: (Array.isArray(authors) && authors.length > 0) || isRecord(metadata['manufacture']) || isRecord(metadata['supplier']) || (tools !== undefined && tools !== null),
    ...(timestamp !== undefined ? { timestamp } : {}),
    schemaIssues: [],
  };
}
