import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatPurl, npmPurl, pypiPurl } from '../../src/core/purl.js';
import { isSpdxExpression, spdxLicenseId } from '../../src/core/spdx-license.js';

test('pypi purls normalise names per PEP 503', () => {
  assert.equal(pypiPurl('Typing_Extensions', '4.12.2'), 'pkg:pypi/typing-extensions@4.12.2');
  assert.equal(pypiPurl('zope.interface', '7.0'), 'pkg:pypi/zope-interface@7.0');
  assert.equal(pypiPurl('torch', '2.1.0+cpu'), 'pkg:pypi/torch@2.1.0%2Bcpu');
});

test('npm purls encode the scope', () => {
  assert.equal(npmPurl('@babel/core', '7.24.0'), 'pkg:npm/%40babel/core@7.24.0');
  assert.equal(npmPurl('lodash', '4.17.21'), 'pkg:npm/lodash@4.17.21');
});

test('qualifiers are sorted and encoded', () => {
  assert.equal(
    formatPurl({ type: 'pypi', name: 'x', version: '1', qualifiers: { vcs_url: 'git+https://github.com/a/b@abc', a: 'b c' } }),
    'pkg:pypi/x@1?a=b%20c&vcs_url=git%2Bhttps://github.com/a/b%40abc',
  );
});

test('SPDX ids and expressions are recognised', () => {
  assert.equal(spdxLicenseId('mit'), 'MIT');
  assert.equal(spdxLicenseId('Apache 2.0'), undefined);
  assert.ok(isSpdxExpression('(MIT OR Apache-2.0)'));
  assert.ok(isSpdxExpression('GPL-2.0-only WITH Classpath-exception-2.0'));
  assert.ok(isSpdxExpression('LicenseRef-Proprietary'));
  assert.ok(!isSpdxExpression('MIT OR'));
  assert.ok(!isSpdxExpression('SEE LICENSE IN LICENSE.md'));
});
