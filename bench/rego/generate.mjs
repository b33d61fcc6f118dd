// Generates a deterministic CycloneDX 1.6 SBOM with n components and some vulnerabilities.
export function generateSbom(n) {
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const licences = ['MIT', 'Apache-2.0', 'BSD-3-Clause', 'ISC', 'GPL-3.0-only', 'WTFPL', 'MIT', 'Apache-2.0'];
  const components = [];
  for (let i = 0; i < n; i++) {
    const name = `pkg-${i}`;
    const version = rnd() < 0.02 ? `^${i % 9}.0.0` : `${i % 7}.${i % 13}.${i % 5}`;
    const c = {
      type: 'library',
      'bom-ref': `pkg:npm/${name}@${version}`,
      name,
      version,
      purl: rnd() < 0.01 ? `npm/${name}` : `pkg:npm/${name}@${version}`,
      scope: rnd() < 0.8 ? 'required' : 'optional',
    };
    if (rnd() < 0.97) c.licenses = [{ license: { id: licences[Math.floor(rnd() * licences.length)] } }];
    if (rnd() < 0.95) c.hashes = [{ alg: rnd() < 0.05 ? 'SHA-1' : 'SHA-256', content: (i * 2654435761).toString(16).padStart(64, '0') }];
    if (rnd() < 0.9) c.supplier = { name: `org-${i % 50}` };
    components.push(c);
  }
  const vulnerabilities = [];
  for (let i = 0; i < n / 10; i++) {
    const target = components[Math.floor(rnd() * n)];
    vulnerabilities.push({
      id: `CVE-2025-${10000 + i}`,
      ratings: [{ severity: ['low', 'medium', 'high', 'critical'][Math.floor(rnd() * 4)] }],
      affects: [{ ref: rnd() < 0.02 ? `pkg:npm/ghost-${i}@1.0.0` : target['bom-ref'] }],
    });
  }
  return {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: 'urn:uuid:00000000-0000-4000-8000-000000000000',
    version: 1,
    metadata: { timestamp: '2026-01-01T00:00:00Z', component: { type: 'application', name: 'bench-app', version: '1.0.0' } },
    components,
    vulnerabilities,
  };
}
