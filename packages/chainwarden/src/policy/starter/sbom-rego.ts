/** Starter policy file `policy/sbom.rego` (written by `chainwarden policy init`). */
export const SBOM_REGO = `# Hotpass's SBOM gate (policy/sbom.rego) in Rego v1, as their docs run it:
#   chainwarden policy eval dist/sbom/hotpass-sbom.json --query data.hotpass.allow
# The input is the CycloneDX SBOM itself (not the combined document): true opens the gate.
package hotpass

default allow := false

allow if count(deny) == 0

deny contains msg if {
	input.bomFormat != "CycloneDX"
	msg := "the SBOM is not CycloneDX"
}

deny contains msg if {
	count(object.get(input, "components", [])) == 0
	msg := "the SBOM has no components"
}

deny contains msg if {
	some c in input.components
	not c.name
	msg := sprintf("a component has no name (bom-ref %v)", [object.get(c, "bom-ref", "?")])
}

deny contains msg if {
	some c in input.components
	not c.version
	msg := sprintf("component %s has no version", [c.name])
}

deny contains msg if {
	not input.metadata.component.name
	msg := "the SBOM does not name the project (metadata.component)"
}
`;
