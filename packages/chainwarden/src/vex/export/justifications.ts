/** Justification words across formats (OpenVEX/CSAF flags ↔ CycloneDX analysis.justification), as data. */

export const OPENVEX_JUSTIFICATIONS: ReadonlySet<string> = new Set([
  'component_not_present',
  'vulnerable_code_not_present',
  'vulnerable_code_not_in_execute_path',
  'vulnerable_code_cannot_be_controlled_by_adversary',
  'inline_mitigations_already_exist',
]);

export const CYCLONEDX_JUSTIFICATIONS: ReadonlySet<string> = new Set([
  'code_not_present',
  'code_not_reachable',
  'requires_configuration',
  'requires_dependency',
  'requires_environment',
  'protected_by_compiler',
  'protected_at_runtime',
  'protected_at_perimeter',
  'protected_by_mitigating_control',
]);

const CDX_TO_OPENVEX: Readonly<Record<string, string>> = {
  code_not_present: 'vulnerable_code_not_present',
  code_not_reachable: 'vulnerable_code_not_in_execute_path',
  requires_configuration: 'vulnerable_code_cannot_be_controlled_by_adversary',
  requires_dependency: 'component_not_present',
  requires_environment: 'vulnerable_code_cannot_be_controlled_by_adversary',
  protected_by_compiler: 'inline_mitigations_already_exist',
  protected_at_runtime: 'inline_mitigations_already_exist',
  protected_at_perimeter: 'inline_mitigations_already_exist',
  protected_by_mitigating_control: 'inline_mitigations_already_exist',
};

const OPENVEX_TO_CDX: Readonly<Record<string, string>> = {
  component_not_present: 'code_not_present',
  vulnerable_code_not_present: 'code_not_present',
  vulnerable_code_not_in_execute_path: 'code_not_reachable',
  vulnerable_code_cannot_be_controlled_by_adversary: 'requires_environment',
  inline_mitigations_already_exist: 'protected_by_mitigating_control',
};

/** An OpenVEX justification for any format's word, or undefined when there is none. */
export function toOpenVexJustification(j: string | undefined): string | undefined {
  if (j === undefined) return undefined;
  return OPENVEX_JUSTIFICATIONS.has(j) ? j : CDX_TO_OPENVEX[j];
}

/** A CycloneDX justification for any format's word, or undefined when there is none. */
export function toCycloneDxJustification(j: string | undefined): string | undefined {
  if (j === undefined) return undefined;
  return CYCLONEDX_JUSTIFICATIONS.has(j) ? j : OPENVEX_TO_CDX[j];
}
