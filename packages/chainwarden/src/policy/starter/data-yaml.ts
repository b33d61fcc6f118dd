/** Starter policy file `policy/data.yaml` (written by `chainwarden policy init`). */
export const DATA_YAML = `# Settings of the starter policies (data.chainwarden.*). Security owns this file.
chainwarden:
  # The project the SBOM must describe (its root component); empty = any named, versioned root.
  project: ""
  # Licences components may carry (SPDX ids); an expression passes when it can be honoured with these alone.
  allowed_licenses:
    - 0BSD
    - Apache-2.0
    - BSD-2-Clause
    - BSD-3-Clause
    - BlueOak-1.0.0
    - CC0-1.0
    - ISC
    - MIT
    - MPL-2.0
    - PSF-2.0
    - Python-2.0
    - Unlicense
    - Zlib
  # Components without licence information: "warn" (default) or "deny".
  unknown_license: warn
  # Package indexes besides each ecosystem's public default (PyPI, npmjs, …); anything else is a dependency-confusion risk.
  allowed_indexes: []
  # Builder ids trusted to produce provenance (glob patterns).
  trusted_builders:
    - "https://github.com/actions/runner/github-hosted"
    - "https://github.com/slsa-framework/slsa-github-generator/*"
`;
