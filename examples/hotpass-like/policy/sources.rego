# Dependency confusion: packages come from the ecosystem's default registry or an allowed index; git and URL
# dependencies bypass the registry and are flagged.
package main

# METADATA
# title: Packages come from allowed indexes
# description: A package from an index that is neither the ecosystem's default registry nor in data.chainwarden.allowed_indexes may be a dependency-confusion substitute.
# custom:
#   severity: high
#   remediation: Pin the package to an allowed index (uv `index` with `explicit = true`, npm scoped registries), or have Security add the index to data.chainwarden.allowed_indexes.
deny_untrusted_index contains result if {
	some c in input.sbom.components
	c.source.kind == "registry"
	index := c.source.index
	index != null
	not index in object.get(settings, "allowed_indexes", [])
	result := {"msg": sprintf("%s comes from %s, which is not an allowed index", [c.purl, index]), "target": c.purl}
}

# METADATA
# title: No git or URL dependencies
# description: A dependency fetched from git or a plain URL bypasses the registry, its hashes and its advisories.
# custom:
#   severity: medium
#   remediation: Publish the package to an allowed index and depend on a pinned version, or record an exception with an owner.
warn_direct_source contains result if {
	some c in input.sbom.components
	c.source.kind in {"git", "url"}
	result := {"msg": sprintf("%s is a %s dependency (%s)", [object.get(c, "purl", c.ref), c.source.kind, c.source.url]), "target": object.get(c, "purl", c.ref)}
}
