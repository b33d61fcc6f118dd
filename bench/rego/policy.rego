# A promotion-gate policy over a CycloneDX SBOM: about a dozen deny rules.
package bench.sbom

allowed_licences := {"MIT", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "ISC", "0BSD", "Python-2.0"}

copyleft := {"GPL-2.0-only", "GPL-3.0-only", "AGPL-3.0-only", "LGPL-2.1-only"}

weak_algs := {"MD5", "SHA-1"}

components_by_ref := {c["bom-ref"]: c | some c in input.components}

# 1. licence outside the allow-list
deny contains msg if {
	some c in input.components
	some l in c.licenses
	id := l.license.id
	not id in allowed_licences
	not id in copyleft
	msg := sprintf("%s@%s: licence %s is not on the allow-list", [c.name, c.version, id])
}

# 2. copyleft licence in a required component
deny contains msg if {
	some c in input.components
	c.scope == "required"
	some l in c.licenses
	l.license.id in copyleft
	msg := sprintf("%s@%s: copyleft licence %s", [c.name, c.version, l.license.id])
}

# 3. no licence at all
deny contains msg if {
	some c in input.components
	count(object.get(c, "licenses", [])) == 0
	msg := sprintf("%s@%s: no licence", [c.name, c.version])
}

# 4. purl format
deny contains msg if {
	some c in input.components
	not regex.match(`^pkg:[a-z]+/[^@]+@[^@]+$`, c.purl)
	msg := sprintf("%s: malformed purl %q", [c.name, c.purl])
}

# 5. banned packages
deny contains msg if {
	some c in input.components
	c.name in data.banned
	msg := sprintf("%s@%s is banned", [c.name, c.version])
}

# 6. no hashes
deny contains msg if {
	some c in input.components
	not c.hashes
	msg := sprintf("%s@%s: no hashes", [c.name, c.version])
}

# 7. weak hash algorithm only
deny contains msg if {
	some c in input.components
	count(c.hashes) > 0
	every h in c.hashes { h.alg in weak_algs }
	msg := sprintf("%s@%s: only weak hashes", [c.name, c.version])
}

# 8. unpinned version
deny contains msg if {
	some c in input.components
	startswith(c.version, "^")
	msg := sprintf("%s: unpinned version %s", [c.name, c.version])
}

# 9. critical vulnerability, joined by bom-ref
deny contains msg if {
	some v in input.vulnerabilities
	some r in v.ratings
	r.severity == "critical"
	some a in v.affects
	c := components_by_ref[a.ref]
	msg := sprintf("%s@%s: critical vulnerability %s", [c.name, c.version, v.id])
}

# 10. vulnerability that names an unknown component
deny contains msg if {
	some v in input.vulnerabilities
	some a in v.affects
	not components_by_ref[a.ref]
	msg := sprintf("%s: affects unknown component %s", [v.id, a.ref])
}

# 11. no supplier for required components
deny contains msg if {
	some c in input.components
	c.scope == "required"
	not c.supplier.name
	msg := sprintf("%s@%s: no supplier", [c.name, c.version])
}

# 12. SBOM metadata
deny contains "SBOM has no timestamp" if not input.metadata.timestamp

allow if count(deny) == 0
