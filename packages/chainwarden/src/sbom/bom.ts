import type { Component, License, RootProject } from './model.js';

/** A component with its final bom-ref, ready for serialization. */
export interface BomComponent {
  readonly bomRef: string;
  readonly component: Component;
  /** npm scope (`@babel`) when the name is scoped: CycloneDX's `group`. */
  readonly group?: string;
  /** Name without the scope. */
  readonly shortName: string;
}

export interface BomRoot {
  readonly bomRef: string;
  readonly project: RootProject;
}

/** A sub-project: another lockfile's root inside the project (e.g. `apps/web-ui`), nested under the root. */
export interface BomSubProject {
  readonly bomRef: string;
  readonly project: RootProject;
  readonly lockfile: string;
}

/** The assembled, serializer-neutral SBOM: sorted, with bom-refs assigned and a complete dependency graph. */
export interface Bom {
  readonly root: BomRoot;
  /** Workspace members and sub-projects: components of the root (CycloneDX `metadata.component.components`). */
  readonly assemblies: readonly BomComponent[];
  readonly subProjects: readonly BomSubProject[];
  /** Every other component, sorted by bom-ref. */
  readonly components: readonly BomComponent[];
  /** bom-ref → sorted, unique bom-refs it depends on; one entry per component, sub-project and the root. */
  readonly dependencies: ReadonlyMap<string, readonly string[]>;
  readonly lockfiles: readonly { readonly path: string; readonly format: string; readonly components: number }[];
  readonly timestamp?: Date;
  readonly warnings: readonly string[];
  /** True when every lockfile format used records licences. */
  readonly licensesKnown: boolean;
  readonly rootLicenses: readonly License[];
}
