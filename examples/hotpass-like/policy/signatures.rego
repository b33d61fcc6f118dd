# Signatures: when the configuration requires signing, every artefact's signature verified.
package main

# METADATA
# title: Artefacts are signed
# description: With signing required (chainwarden.yaml policy.require-signatures, or a signing key/keyless configured), signatures exist and verify.
# custom:
#   severity: high
#   remediation: Configure signing (sign.key or sign.keyless in chainwarden.yaml) and run chainwarden run again, or verify the bundles with chainwarden verify.
deny_unsigned contains result if {
	input.signatures.required
	count(input.signatures.results) == 0
	result := {"msg": "signing is required but no signature was produced or checked", "target": "signatures"}
}

deny_unsigned contains result if {
	input.signatures.required
	some s in input.signatures.results
	not s.verified
	result := {"msg": sprintf("signature %v did not verify: %v", [object.get(s, "bundle", s.artefact), s.failure]), "target": sprintf("%v", [object.get(s, "artefact", s.bundle)])}
}
