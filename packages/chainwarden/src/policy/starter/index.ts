/** The starter policy library: file name (inside policy/) -> content. Add a file: a module here and one line. */
import { COMPONENTS_REGO } from './components-rego.js';
import { DATA_YAML } from './data-yaml.js';
import { EXCEPTIONS_YAML } from './exceptions-yaml.js';
import { LICENSES_REGO } from './licenses-rego.js';
import { POLICY_TEST_REGO } from './policy-test-rego.js';
import { PROVENANCE_REGO } from './provenance-rego.js';
import { SBOM_REGO } from './sbom-rego.js';
import { SIGNATURES_REGO } from './signatures-rego.js';
import { SOURCES_REGO } from './sources-rego.js';
import { VULNERABILITIES_REGO } from './vulnerabilities-rego.js';

export const STARTER_POLICY: Readonly<Record<string, string>> = {
  'data.yaml': DATA_YAML,
  'exceptions.yaml': EXCEPTIONS_YAML,
  'components.rego': COMPONENTS_REGO,
  'licenses.rego': LICENSES_REGO,
  'vulnerabilities.rego': VULNERABILITIES_REGO,
  'provenance.rego': PROVENANCE_REGO,
  'signatures.rego': SIGNATURES_REGO,
  'sources.rego': SOURCES_REGO,
  'sbom.rego': SBOM_REGO,
  'policy_test.rego': POLICY_TEST_REGO,
};
