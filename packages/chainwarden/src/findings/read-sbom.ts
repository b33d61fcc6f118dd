import { readFile } from 'node:fs/promises';
import { InputError, IoError } from '../core/errors.js';
import { isRecord, parseJsonText } from '../core/parse.js';
import { readCycloneDxJson } from '../registry/sbom/cyclonedx-json.js';
import { readCycloneDxXml } from '../registry/sbom/cyclonedx-xml.js';
import { checkNesting, checkSize } from '../registry/sbom/limits.js';
import { readSpdxJson } from '../registry/sbom/spdx-json.js';
import type { ScanComponent } from './finding.js';

export interface ScannedSbom {
  /** The product the SBOM describes: its name, version, purl and bom-ref, and the BOM's serial (for BOM-Links). */
  readonly product: { readonly name?: string; readonly version?: string; readonly purl?: string; readonly bomRef?: string; readonly serial?: string };
  readonly components: readonly ScanComponent[];
}

/**
 * Reads the components of an SBOM to scan (CycloneDX JSON or XML, SPDX 2.3 JSON), by content, with the
 * registry's readers and bounds. `shown` is the path as the user gave it (for messages).
 */
export async function readSbomForScan(path: string, shown: string): Promise<ScannedSbom> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new IoError(`${shown}: cannot read the SBOM (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { cause: error });
  }
  return readSbomBytes(bytes, shown);
}

/** The same, from bytes already read (e.g. a document stored in the registry). */
export async function readSbomBytes(bytes: Buffer, shown: string): Promise<ScannedSbom> {
  checkSize(bytes.length, shown);
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const first = text.trimStart()[0];
  let parsed;
  let serial: string | undefined;
  if (first === '<') {
    serial = /<bom\b[^>]*\bserialNumber="urn:uuid:([^"]+)"/.exec(text)?.[1];
    checkNesting(text, shown, 'xml');
    parsed = await readCycloneDxXml(text, shown);
  } else {
    checkNesting(text, shown, 'json');
    const doc = parseJsonText(text, shown, (message, loc, cause) => new InputError(message, { file: shown, ...loc }, { cause, code: 'SBOM_INVALID' }));
    if (isRecord(doc) && typeof doc['serialNumber'] === 'string') serial = doc['serialNumber'].replace(/^urn:uuid:/i, '');
    if (isRecord(doc) && doc['bomFormat'] === 'CycloneDX') parsed = readCycloneDxJson(doc, shown);
    else if (isRecord(doc) && typeof doc['spdxVersion'] === 'string') parsed = readSpdxJson(doc, shown);
    else throw new InputError('not an SBOM: expected CycloneDX (JSON or XML) or SPDX 2.3 JSON', { file: shown }, { code: 'SBOM_INVALID' });
  }
  const root = parsed.components.find((c) => c.bomRef === parsed.rootRef);
  return {
    product: {
      ...parsed.product,
      ...(root?.purl !== undefined ? { purl: root.purl } : {}),
      ...(parsed.rootRef !== undefined ? { bomRef: parsed.rootRef } : {}),
      ...(serial !== undefined ? { serial: serial.toLowerCase() } : {}),
    },
    components: parsed.components
      .filter((c) => c.bomRef !== parsed.rootRef)
      .map((c) => ({
        bomRef: c.bomRef,
        name: c.group !== undefined ? `${c.group}/${c.name}` : c.name,
        ...(c.version !== undefined ? { version: c.version } : {}),
        ...(c.purl !== undefined ? { purl: c.purl } : {}),
      })),
  };
}
