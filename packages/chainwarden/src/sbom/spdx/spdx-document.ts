/** The subset of the SPDX 2.3 JSON document model chainwarden writes, in the property order it writes them. */

export type SpdxChecksumAlgorithm = 'SHA1' | 'SHA256' | 'SHA384' | 'SHA512' | 'MD5';

export interface SpdxChecksum {
  readonly algorithm: SpdxChecksumAlgorithm;
  readonly checksumValue: string;
}

export interface SpdxExternalRef {
  readonly referenceCategory: 'PACKAGE-MANAGER';
  readonly referenceType: 'purl';
  readonly referenceLocator: string;
}

export interface SpdxPackage {
  readonly SPDXID: string;
  readonly name: string;
  readonly versionInfo?: string;
  readonly packageFileName?: string;
  readonly downloadLocation: string;
  readonly filesAnalyzed: false;
  readonly checksums?: readonly SpdxChecksum[];
  readonly homepage?: string;
  readonly licenseConcluded: 'NOASSERTION';
  readonly licenseDeclared: string;
  readonly copyrightText: 'NOASSERTION';
  readonly description?: string;
  readonly comment?: string;
  readonly externalRefs?: readonly SpdxExternalRef[];
  readonly primaryPackagePurpose: 'APPLICATION' | 'LIBRARY';
}

export type SpdxRelationshipType = 'DESCRIBES' | 'DEPENDS_ON' | 'DEV_DEPENDENCY_OF' | 'OPTIONAL_DEPENDENCY_OF';

export interface SpdxRelationship {
  readonly spdxElementId: string;
  readonly relationshipType: SpdxRelationshipType;
  readonly relatedSpdxElement: string;
}

export interface SpdxExtractedLicense {
  readonly licenseId: string;
  readonly name: string;
  readonly extractedText: string;
  readonly comment: string;
}

export interface SpdxDocument {
  readonly spdxVersion: 'SPDX-2.3';
  readonly dataLicense: 'CC0-1.0';
  readonly SPDXID: 'SPDXRef-DOCUMENT';
  readonly name: string;
  documentNamespace: string;
  readonly creationInfo: { readonly created: string; readonly creators: readonly string[] };
  readonly comment?: string;
  readonly packages: readonly SpdxPackage[];
  readonly relationships: readonly SpdxRelationship[];
  readonly hasExtractedLicensingInfos?: readonly SpdxExtractedLicense[];
}

export const NOASSERTION = 'NOASSERTION';

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
