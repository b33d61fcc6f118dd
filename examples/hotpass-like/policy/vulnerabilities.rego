# Vulnerabilities: nothing critical or high stays open without a VEX statement or a valid exception; malicious
# packages always deny.
package main

closed_states := {"not_affected", "fixed"}

# METADATA
# title: No open critical or high vulnerability
# description: A critical or high finding needs a VEX statement saying not_affected or fixed, or a valid exception.
# custom:
#   severity: critical
#   remediation: Upgrade to a fixed version, publish a VEX statement (chainwarden vex) with the analysis, or record a time-boxed exception.
deny_vulnerability_open contains result if {
	some f in input.findings.items
	f.severity in {"critical", "high"}
	not f.vex.state in closed_states
	purl := object.get(f.component, "purl", null)
	result := {
		"msg": sprintf("%s (%s) in %v has no VEX not_affected/fixed statement", [f.id, f.severity, purl]),
		"target": sprintf("%s %v", [f.id, purl]),
		"severity": f.severity,
	}
}

# METADATA
# title: No malicious package
# description: A component named by a malicious-package advisory (OSV MAL- ids) always closes the gate; no exception or VEX statement waives it.
# custom:
#   severity: critical
#   remediation: Remove the package, rotate every secret the build could reach, and investigate how it got in.
#   waivable: false
deny_malicious_package contains result if {
	some f in input.findings.items
	malicious(f)
	result := {"msg": sprintf("%v is a known malicious package (%s)", [object.get(f.component, "purl", f.component.name), f.id]), "target": sprintf("%s %v", [f.id, object.get(f.component, "purl", null)])}
}

malicious(f) if object.get(f, "class", null) == "malicious"

malicious(f) if {
	some id in array.concat([f.id], object.get(f, "aliases", []))
	startswith(id, "MAL-")
}

# METADATA
# title: A vulnerability scan ran
# description: Without a scan the vulnerability rules have nothing to check; the gate says so instead of passing silently.
# custom:
#   severity: medium
#   remediation: Pass --findings with the scan results (or run the scan stage once it is configured).
warn_no_scan contains result if {
	not input.findings.scanned
	result := {"msg": "no vulnerability scan ran: open vulnerabilities were not checked", "target": "findings"}
}
