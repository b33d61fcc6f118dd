import assert from 'node:assert/strict';
import { test } from 'node:test';
import { packageKeyOfPurl } from '../../src/advisories/ecosystems.js';
import { schemeFor } from '../../src/advisories/versions/index.js';
import { isPep440Prefix, isPep440Version, legacyKey, parsePep440 } from '../../src/advisories/versions/pypi.js';
import { parsePurl } from '../../src/core/purl-parse.js';
import { readVectors } from './version-vectors.js';

function key(purl: string): { ecosystem: string; name: string } | undefined {
  const parts = parsePurl(purl);
  assert.ok(parts !== undefined, purl);
  return packageKeyOfPurl(parts);
}

test('Go pseudo-versions order before the release they precede and after the previous one', () => {
  const go = schemeFor('Go');
  assert.ok(go !== undefined);
  assert.ok(go.compare('v0.0.0-20210101000000-abcdef123456', '0.0.1') < 0);
  assert.ok(go.compare('1.2.4-0.20210101000000-abcdef123456', '1.2.3') > 0);
  assert.ok(go.compare('1.2.4-0.20210101000000-abcdef123456', '1.2.4') < 0);
  assert.ok(go.compare('v0.0.0-20210101000000-abcdef123456', 'v0.0.0-20220101000000-abcdef123456') < 0);
  assert.equal(go.compare('2.0.0+incompatible', 'v2.0.0'), 0);
});

test('PyPI legacy versions sort before every PEP 440 version, and among themselves by the legacy key', () => {
  const pypi = schemeFor('PyPI');
  assert.ok(pypi !== undefined);
  assert.equal(pypi.valid('0.1-bulbasaur'), false);
  assert.ok(pypi.compare('2013-02-01-foo', '0.0.1') < 0);
  assert.ok(pypi.compare('0.9-doduo', '0.9-eevee') < 0);
  assert.deepEqual(legacyKey('1.0-dev'), ['00000001', '*@', '*final']);
});

test('ecosystem suffixes (Debian:12) use the base ecosystem; unknown ecosystems have no scheme', () => {
  assert.equal(schemeFor('Debian:12')?.name, 'debian');
  assert.equal(schemeFor('Hex'), undefined);
  assert.equal(schemeFor('constructor'), undefined);
});

test('Pub orders build metadata after the release; CRAN and Hackage compare integer lists, a prefix first', () => {
  const pub = schemeFor('Pub');
  const cran = schemeFor('CRAN');
  const hackage = schemeFor('Hackage');
  assert.ok(pub !== undefined && cran !== undefined && hackage !== undefined);
  assert.ok(pub.compare('1.0.0+1', '1.0.0') > 0);
  assert.ok(pub.compare('1.0.0-dev', '1.0.0') < 0);
  assert.equal(pub.valid('1.0'), false);
  assert.equal(pub.valid('v2.1.0-dev.1+3'), true);
  assert.ok(cran.compare('1.0-12', '1.0.9') > 0);
  assert.equal(cran.compare('1.01-2', '1.1.2'), 0);
  assert.equal(cran.valid('1'), false);
  assert.equal(cran.valid('0.9-1'), true);
  assert.ok(hackage.compare('1.0', '1.0.0') < 0);
  assert.equal(hackage.valid('1'), true);
  assert.equal(hackage.valid('1.0-beta'), false);
});

test('cran and hackage purls map to the CRAN and Hackage ecosystems', () => {
  assert.deepEqual(key('pkg:cran/ggplot2@3.4.0'), { ecosystem: 'CRAN', name: 'ggplot2' });
  assert.deepEqual(key('pkg:hackage/aeson@2.1.0.0'), { ecosystem: 'Hackage', name: 'aeson' });
  assert.deepEqual(key('pkg:pub/http@1.1.0'), { ecosystem: 'Pub', name: 'http' });
});

test('the PyPI scheme is the one PEP 440 grammar: validity, `.*` prefixes and normalised parts', () => {
  assert.equal(isPep440Version('v1.0-3'), true);
  assert.equal(isPep440Version('1.0 '), false);
  assert.equal(isPep440Version('1.0+local.7'), true);
  assert.equal(isPep440Prefix('1.2.*'), true);
  assert.equal(isPep440Prefix('1.2+local.*'), false);
  assert.equal(isPep440Prefix('1.2'), false);
  assert.deepEqual(parsePep440('1.0c1.post.dev'), { epoch: 0, release: [1, 0], pre: ['rc', 1], post: 0, dev: 0 });
  assert.deepEqual(parsePep440('1!2.0alpha.post4+Loc.1'), { epoch: 1, release: [2, 0], pre: ['a', 0], post: 4, local: ['loc', 1] });
  assert.equal(parsePep440('2013-02-01-foo'), undefined);
  const pypi = schemeFor('PyPI');
  for (const v of readVectors('pypi-versions-generated.txt').flatMap((x) => [x.a, x.b])) {
    assert.equal(isPep440Version(v), pypi?.valid(v), v);
    assert.equal(parsePep440(v) !== undefined, isPep440Version(v), v);
  }
});

test('RPM ecosystems (Red Hat, Rocky Linux, AlmaLinux, SUSE…) order epoch:version-release with rpmvercmp', () => {
  for (const ecosystem of ['Red Hat', 'Red Hat:enterprise_linux:9::appstream', 'Rocky Linux:9', 'AlmaLinux:8', 'openSUSE', 'SUSE']) assert.equal(schemeFor(ecosystem)?.name, 'rpm', ecosystem);
  const rpm = schemeFor('Red Hat');
  assert.ok(rpm !== undefined);
  assert.ok(rpm.compare('0:2.4.21-9.EL', '0:2.4.21-9.0.1.EL') < 0);
  assert.ok(rpm.compare('1.0~rc1', '1.0') < 0);
  assert.ok(rpm.compare('1.0^git1', '1.0') > 0);
  assert.ok(rpm.compare('1:1.0', '2.0') > 0);
  assert.equal(rpm.compare('2.0', '0:2_0'), 0);
  assert.ok(rpm.compare('3.10.0-1160.el7', '3.10.0-957.el7') > 0);
});

test('Packagist orders like PHP version_compare: dev < alpha < beta < RC < release < patch level', () => {
  const php = schemeFor('Packagist');
  assert.equal(php?.name, 'packagist');
  assert.ok(php !== undefined);
  const ordered = ['1.0-dev', '1.0.0-alpha2', '1.0.0-beta1', 'v1.0.0-RC1', '1.0.0', '1.0.1', '1.0pl1'];
  for (let i = 1; i < ordered.length; i++) assert.ok(php.compare(ordered[i - 1] ?? '', ordered[i] ?? '') < 0, `${ordered[i - 1]} < ${ordered[i]}`);
  assert.equal(php.compare('v2.3.4', '2.3.4'), 0);
  assert.deepEqual(key('pkg:composer/Symfony/HTTP-Kernel@5.4.0'), { ecosystem: 'Packagist', name: 'symfony/http-kernel' });
});

test('Alpine orders apk versions: pre-release suffixes before the release, post-release suffixes and -rN after', () => {
  const apk = schemeFor('Alpine:v3.19');
  assert.equal(apk?.name, 'alpine');
  assert.ok(apk !== undefined);
  const ordered = ['1.2.3_alpha1', '1.2.3_rc2', '1.2.3', '1.2.3-r1', '1.2.3_p1', '1.2.3a', '1.2.4'];
  for (let i = 1; i < ordered.length; i++) assert.ok(apk.compare(ordered[i - 1] ?? '', ordered[i] ?? '') < 0, `${ordered[i - 1]} < ${ordered[i]}`);
  assert.equal(apk.valid('1.2.0A'), false);
  assert.ok(apk.compare('1.2.0A', '0.1') < 0);
  assert.deepEqual(key('pkg:apk/alpine/openssl@3.1.4-r0?arch=x86_64'), { ecosystem: 'Alpine', name: 'openssl' });
});
