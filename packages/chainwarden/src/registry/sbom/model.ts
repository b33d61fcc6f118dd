/** A supplier SBOM read into one model, whatever its format: what the registry validates and stores. */

export type SupplierSbomFormat = 'cyclonedx-json' | 'cyclonedx-xml' | 'spdx-json';

export interface ParsedComponent {
  /** Where it is in the document, e.g. `components[3].components[0]` or `packages[12]`. */
  readonly at: string;
  readonly bomRef: string;
  readonly type: string;
  readonly name: string;
  readonly group?: string;
  readonly version?: string;
  readonly purl?: string;
  readonly licenses: readonly string[];
  readonly supplier?: string;
  /** The component as it was in the document (JSON value), for the quarantine. */
  readonly raw: unknown;
}

export interface ParsedDependency {
  readonly ref: string;
  readonly dependsOn: readonly string[];
}

export interface SchemaIssue {
  /** JSON pointer into the document, e.g. `/components/3/type`. */
  readonly pointer: string;
  readonly message: string;
  /** The JSON-schema keyword that failed (`format` issues are warnings: the value is kept). */
  readonly keyword: string;
}

export interface ParsedSbom {
  readonly format: SupplierSbomFormat;
  readonly specVersion: string;
  /** The product the SBOM describes (CycloneDX metadata.component, SPDX's described package or document name). */
  readonly product: { readonly name?: string; readonly version?: string };
  readonly components: readonly ParsedComponent[];
  /** The bom-ref of the described product (CycloneDX metadata.component, SPDX's described package), if any. */
  readonly rootRef?: string;
  readonly dependencies: readonly ParsedDependency[];
  readonly hasAuthor: boolean;
  readonly timestamp?: string;
  /** Schema violations (the official schemas), mapped to components by `at` where they are inside one. */
  readonly schemaIssues: readonly SchemaIssue[];
  /** JSON pointer prefix of each component (`/components/3`), parallel to `components`, for mapping schema issues. */
  readonly pointers: readonly string[];
}
