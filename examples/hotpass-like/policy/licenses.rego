# Licences: components shipped with the project carry licences from the allow-list (data.chainwarden.allowed_licenses).
# Components the SBOM excludes from the shipped product (dev-only, scope "excluded") are not checked.
package main

allowed_licenses := object.get(settings, "allowed_licenses", [])

shipped contains c if {
	some c in input.sbom.components
	object.get(c, "scope", null) != "excluded"
}

# METADATA
# title: Licences are on the allow-list
# description: Every licence expression of a shipped component can be honoured using allowed licences only.
# custom:
#   severity: high
#   remediation: Replace the component, obtain a licence exception from Legal (policy/exceptions.yaml), or extend data.chainwarden.allowed_licenses.
deny_license_not_allowed contains result if {
	some c in shipped
	some lic in c.licenses
	spdx.valid(lic)
	not spdx.satisfies(lic, allowed_licenses)
	result := {"msg": sprintf("%s is licensed %s, which is not on the allow-list", [c.ref, lic]), "target": object.get(c, "purl", c.ref), "license": lic}
}

# METADATA
# title: Licences are SPDX expressions
# description: A licence that is not a valid SPDX expression cannot be checked automatically.
# custom:
#   severity: low
#   remediation: Check the licence by hand and record the result as an exception, or fix the package metadata upstream.
warn_license_not_spdx contains result if {
	some c in shipped
	some lic in c.licenses
	not spdx.valid(lic)
	result := {"msg": sprintf("%s has a licence that is not an SPDX expression: %q", [c.ref, lic]), "target": object.get(c, "purl", c.ref)}
}

unknown_license contains result if {
	some c in shipped
	c.type == "library"
	count(c.licenses) == 0
	result := {"msg": sprintf("%s has no licence information", [c.ref]), "target": object.get(c, "purl", c.ref)}
}

# METADATA
# title: Licences are known
# description: A component without licence information cannot pass the licence rule; it is reported rather than assumed fine (lockfiles such as uv.lock carry no licences).
# custom:
#   severity: medium
#   remediation: Enrich the SBOM with licence data, or review the components by hand and record exceptions.
warn_unknown_license contains result if {
	object.get(settings, "unknown_license", "warn") != "deny"
	some result in unknown_license
}

# METADATA
# title: Licences are known
# description: A component without licence information fails the gate (data.chainwarden.unknown_license is "deny").
# custom:
#   severity: medium
#   remediation: Enrich the SBOM with licence data, or review the components by hand and record exceptions.
deny_unknown_license contains result if {
	object.get(settings, "unknown_license", "warn") == "deny"
	some result in unknown_license
}
