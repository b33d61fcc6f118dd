/** Starter policy file `policy/components.rego` (written by `chainwarden policy init`). */
export const COMPONENTS_REGO = `# The SBOM describes the project and every component is identified: name, version, purl, and hashes for
# packages that come from a registry.
package main

# Settings from data.yaml (data.chainwarden); rules read them with object.get(settings, name, default).
default settings := {}

settings := data.chainwarden

# METADATA
# title: The SBOM describes the project
# description: The SBOM's root component (metadata.component in CycloneDX, the described package in SPDX) is the project, with a name and a version.
# custom:
#   severity: high
#   remediation: Generate the SBOM with \`chainwarden sbom\` from the project's own directory, or set data.chainwarden.project to the right name.
deny_sbom_root contains result if {
	not input.sbom.present
	result := {"msg": "no SBOM in the input (pass --sbom or run the sbom stage)", "target": "sbom"}
}

deny_sbom_root contains result if {
	input.sbom.present
	not input.sbom.root
	result := {"msg": "the SBOM has no root component describing the project", "target": "sbom"}
}

deny_sbom_root contains result if {
	root := input.sbom.root
	not root.version
	result := {"msg": sprintf("the SBOM's root component %q has no version", [root.name]), "target": root.name}
}

deny_sbom_root contains result if {
	root := input.sbom.root
	want := object.get(settings, "project", "")
	want != ""
	root.name != want
	result := {"msg": sprintf("the SBOM describes %q, not the project %q", [root.name, want]), "target": root.name}
}

# METADATA
# title: Components are listed and identified
# description: The SBOM lists at least one component and each has a name, a version and a package URL.
# custom:
#   severity: high
#   remediation: Commit the lockfile (uv.lock, package-lock.json, …) so every dependency is pinned, and regenerate the SBOM.
deny_component_identity contains result if {
	input.sbom.present
	count(input.sbom.components) == 0
	result := {"msg": "the SBOM lists no components", "target": "sbom"}
}

deny_component_identity contains result if {
	some c in input.sbom.components
	c.type == "library"
	missing := [field | some field in ["name", "version", "purl"]; not c[field]]
	count(missing) > 0
	result := {"msg": sprintf("component %q has no %s", [c.ref, concat(", ", missing)]), "target": c.ref}
}

# METADATA
# title: Registry packages carry hashes
# description: A package downloaded from a registry carries the digest the lockfile pinned, so a replaced artefact is detected.
# custom:
#   severity: medium
#   remediation: Use a lockfile format that records hashes (uv.lock, poetry.lock, package-lock v2+, \`pip-compile --generate-hashes\`).
deny_registry_hashes contains result if {
	some c in input.sbom.components
	c.source.kind == "registry"
	count(c.hashes) == 0
	result := {"msg": sprintf("%s has no hash", [c.purl]), "target": c.purl}
}
`;
