import type { Bom } from './bom.js';
import type { CycloneDxSpec } from './cyclonedx/spec.js';

/** An output format for `chainwarden sbom --format`. */
export interface SbomWriter {
  /** Default file suffix after `<name>-sbom`. */
  readonly extension: string;
  readonly mediaType: string;
  write(bom: Bom, spec: CycloneDxSpec): string;
}

/** The one registry of output formats, loaded lazily. */
export const SBOM_FORMATS = {
  'cyclonedx-json': async (): Promise<SbomWriter> => {
    const [{ buildCycloneDx }, { writeCycloneDxJson }] = await Promise.all([import('./cyclonedx/document.js'), import('./cyclonedx/json-writer.js')]);
    return { extension: '.json', mediaType: 'application/vnd.cyclonedx+json', write: (bom, spec) => writeCycloneDxJson(buildCycloneDx(bom, spec), spec) };
  },
  'cyclonedx-xml': async (): Promise<SbomWriter> => {
    const [{ buildCycloneDx }, { writeCycloneDxXml }] = await Promise.all([import('./cyclonedx/document.js'), import('./cyclonedx/xml-writer.js')]);
    return { extension: '.xml', mediaType: 'application/vnd.cyclonedx+xml', write: (bom, spec) => writeCycloneDxXml(buildCycloneDx(bom, spec), spec) };
  },
  'spdx-json': async (): Promise<SbomWriter> => {
    const { writeSpdxJson } = await import('./spdx/spdx-json-writer.js');
    return { extension: '.spdx.json', mediaType: 'application/spdx+json', write: (bom) => writeSpdxJson(bom) };
  },
} as const;

export type SbomFormat = keyof typeof SBOM_FORMATS;

export function isSbomFormat(value: string): value is SbomFormat {
  return Object.hasOwn(SBOM_FORMATS, value);
}
