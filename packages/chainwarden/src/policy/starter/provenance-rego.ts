/** Starter policy file `policy/provenance.rego` (written by `chainwarden policy init`). */
export const PROVENANCE_REGO = `# Provenance: the subjects are the artefacts that were built, and a trusted builder produced it.
package main

# METADATA
# title: Provenance subjects match the artefacts
# description: Each provenance subject names an artefact whose digest (from the checksum file) is the one recorded.
# custom:
#   severity: high
#   remediation: Regenerate provenance after the final build (chainwarden run does it in order) and do not modify artefacts afterwards.
deny_provenance_subjects contains result if {
	input.provenance.present
	count(input.artefacts) > 0
	some s in input.provenance.subjects
	not artefact_named(s.name)
	result := {"msg": sprintf("provenance subject %s is not among the artefacts", [s.name]), "target": s.name}
}

deny_provenance_subjects contains result if {
	some s in input.provenance.subjects
	some a in input.artefacts
	a.name == s.name
	some alg, digest in a.digest
	s.digest[alg] != digest
	result := {"msg": sprintf("artefact %s has %s %s, provenance records %s", [a.name, alg, digest, s.digest[alg]]), "target": a.name}
}

deny_provenance_subjects contains result if {
	input.provenance.present
	count(input.provenance.subjects) == 0
	result := {"msg": "the provenance statement has no subjects", "target": "provenance"}
}

artefact_named(name) if {
	some a in input.artefacts
	a.name == name
}

# METADATA
# title: The builder is trusted
# description: The provenance's builder id matches one of data.chainwarden.trusted_builders.
# custom:
#   severity: high
#   remediation: Build on a trusted builder, or have Security add this builder to data.chainwarden.trusted_builders.
deny_untrusted_builder contains result if {
	input.provenance.present
	builder := object.get(input.provenance, "builder_id", null)
	not trusted_builder(builder)
	result := {"msg": sprintf("builder %v is not trusted", [builder]), "target": sprintf("%v", [builder])}
}

trusted_builder(builder) if {
	is_string(builder)
	some pattern in object.get(settings, "trusted_builders", [])
	glob.match(pattern, null, builder)
}

# METADATA
# title: Provenance exists
# description: Artefacts are promoted with their provenance.
# custom:
#   severity: medium
#   remediation: Pass --provenance dist/provenance/provenance.json (chainwarden provenance writes it).
warn_provenance_missing contains result if {
	not input.provenance.present
	result := {"msg": "no provenance in the input", "target": "provenance"}
}
`;
