/** What differs between the CycloneDX versions chainwarden writes: data, not branches scattered in serializers. */
export interface CycloneDxSpec {
  readonly version: '1.5' | '1.6' | '1.7';
  readonly jsonSchema: string;
  readonly xmlNamespace: string;
  /** `licenses[].license.acknowledgement` ("declared" / "concluded") exists from 1.6. */
  readonly licenseAcknowledgement: boolean;
  /** `metadata.lifecycles` exists from 1.5. */
  readonly lifecycles: boolean;
}

export const CYCLONEDX_SPECS: Readonly<Record<CycloneDxSpec['version'], CycloneDxSpec>> = {
  '1.5': {
    version: '1.5',
    jsonSchema: 'http://cyclonedx.org/schema/bom-1.5.schema.json',
    xmlNamespace: 'http://cyclonedx.org/schema/bom/1.5',
    licenseAcknowledgement: false,
    lifecycles: true,
  },
  '1.6': {
    version: '1.6',
    jsonSchema: 'http://cyclonedx.org/schema/bom-1.6.schema.json',
    xmlNamespace: 'http://cyclonedx.org/schema/bom/1.6',
    licenseAcknowledgement: true,
    lifecycles: true,
  },
  '1.7': {
    version: '1.7',
    jsonSchema: 'http://cyclonedx.org/schema/bom-1.7.schema.json',
    xmlNamespace: 'http://cyclonedx.org/schema/bom/1.7',
    licenseAcknowledgement: true,
    lifecycles: true,
  },
};

export const DEFAULT_SPEC_VERSION = '1.6';

export function isSpecVersion(value: string): value is CycloneDxSpec['version'] {
  return Object.hasOwn(CYCLONEDX_SPECS, value);
}
