# Unit tests of the starter policies: chainwarden policy test
package main_test

import data.main

component(extra) := object.union({"ref": "pkg:pypi/a@1.0", "name": "a", "version": "1.0", "purl": "pkg:pypi/a@1.0", "type": "library", "scope": "required", "licenses": ["MIT"], "hashes": [{"alg": "SHA-256", "content": "00"}], "source": {"kind": "registry", "index": null, "url": null}}, extra)

sbom_input(components) := {"sbom": {"present": true, "root": {"name": "app", "version": "1.0"}, "components": components}, "findings": {"scanned": false, "items": []}, "provenance": {"present": false}, "signatures": {"required": false, "results": []}, "artefacts": []}

test_clean_component_passes if {
	inp := sbom_input([component({})])
	count(main.deny_component_identity) == 0 with input as inp
	count(main.deny_registry_hashes) == 0 with input as inp
	count(main.deny_license_not_allowed) == 0 with input as inp
}

test_gpl_is_denied if {
	count(main.deny_license_not_allowed) == 1 with input as sbom_input([component({"licenses": ["GPL-3.0-only"]})])
}

test_dual_licence_with_allowed_choice_passes if {
	count(main.deny_license_not_allowed) == 0 with input as sbom_input([component({"licenses": ["MIT OR GPL-3.0-only"]})])
}

test_unknown_licence_warns if {
	count(main.warn_unknown_license) == 1 with input as sbom_input([component({"licenses": []})])
}

test_missing_hash_is_denied if {
	count(main.deny_registry_hashes) == 1 with input as sbom_input([component({"hashes": []})])
}

test_malicious_package_denies if {
	inp := object.union(sbom_input([]), {"findings": {"scanned": true, "items": [{"id": "MAL-2024-1", "aliases": [], "severity": "unknown", "component": {"name": "evil", "purl": "pkg:npm/evil@1.0.0"}, "vex": null}]}})
	count(main.deny_malicious_package) == 1 with input as inp
}

test_vex_not_affected_closes_a_high_finding if {
	finding := {"id": "CVE-2024-1", "aliases": [], "severity": "high", "component": {"purl": "pkg:pypi/a@1.0"}, "vex": {"state": "not_affected", "justification": "vulnerable_code_not_in_execute_path"}}
	inp := object.union(sbom_input([]), {"findings": {"scanned": true, "items": [finding]}})
	count(main.deny_vulnerability_open) == 0 with input as inp
}

test_git_dependency_is_flagged if {
	inp := sbom_input([component({"source": {"kind": "git", "index": null, "url": "https://github.com/a/a.git@abc"}})])
	count(main.warn_direct_source) == 1 with input as inp
}

test_malicious_class_from_a_scan_denies if {
	inp := object.union(sbom_input([]), {"findings": {"scanned": true, "items": [{"id": "GHSA-xxxx", "aliases": [], "class": "malicious", "severity": "critical", "component": {"name": "evil", "purl": "pkg:npm/evil@1.0.0"}, "vex": null}]}})
	count(main.deny_malicious_package) == 1 with input as inp
}
