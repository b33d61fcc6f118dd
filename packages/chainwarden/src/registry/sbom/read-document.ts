/**
 * Reads an untrusted supplier document: bounds first (size, nesting), then the format from its content (never its
 * name), then the format's reader and, for JSON, the official schema. Not an SBOM at all → InputError (SBOM_INVALID).
 */
import { InputError } from '../../core/errors.js';
import { isRecord } from '../../core/parse.js';
import { readCycloneDxJson } from './cyclonedx-json.js';
import { readCycloneDxXml } from './cyclonedx-xml.js';
import { checkNesting, checkSize } from './limits.js';
import type { ParsedSbom } from './model.js';
import { schemaIssues } from './schema-check.js';
import { readSpdxJson } from './spdx-json.js';

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/u.exec(message)?.[1] ?? (/end of JSON input/u.test(message) ? String(text.length) : undefined);
    let location = {};
    if (position !== undefined) {
      const before = text.slice(0, Number(position)).split('\n');
      location = { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
    }
    throw new InputError(`not valid JSON (${message.replace(/ in JSON at position \d+.*$/u, '')}${/end of JSON input/u.test(message) ? '; the file is truncated' : ''})`, { file, ...location }, { code: 'SBOM_INVALID', cause: error });
  }
}

export async function readSupplierSbom(bytes: Uint8Array, file: string): Promise<ParsedSbom> {
  checkSize(bytes.byteLength, file);
  let text = Buffer.from(bytes).toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const first = text.trimStart()[0];
  if (first === '<') {
    checkNesting(text, file, 'xml');
    return readCycloneDxXml(text, file);
  }
  if (first !== '{') throw new InputError('not an SBOM: expected CycloneDX (JSON or XML) or SPDX 2.3 JSON', { file }, { code: 'SBOM_INVALID' });
  checkNesting(text, file, 'json');
  const doc = parseJson(text, file);
  if (!isRecord(doc)) throw new InputError('not an SBOM: the JSON is not an object', { file }, { code: 'SBOM_INVALID' });
  if (doc['bomFormat'] === 'CycloneDX') {
    const parsed = readCycloneDxJson(doc, file);
    return { ...parsed, schemaIssues: schemaIssues(doc, parsed.specVersion) };
  }
  if (typeof doc['spdxVersion'] === 'string') {
    const parsed = readSpdxJson(doc, file);
    return { ...parsed, schemaIssues: schemaIssues(doc, 'spdx') };
  }
  throw new InputError('not an SBOM: neither `bomFormat: "CycloneDX"` nor `spdxVersion` is present', { file }, { code: 'SBOM_INVALID' });
}
