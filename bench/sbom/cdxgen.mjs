// cdxgen, the generator users would otherwise pick: installed on demand into bench/.cache (never globally) and run
// the way the anchor SBOMs in ../shared/corpus/anchor-sboms were produced, offline:
//   FETCH_LICENSE=false cdxgen -t python|js --no-install-deps -o OUT DIR
// plus --no-recurse (the copied project directory holds nothing but the manifest and the lockfile, so recursion
// finds nothing more; leaving it off only removes work, which favours cdxgen).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const CDXGEN_VERSION = '12.8.4';
const PACKAGE = '@cyclonedx/cdxgen';

export function cdxgenPaths(cacheRoot) {
  const prefix = join(cacheRoot, 'cdxgen');
  const pkgDir = join(prefix, 'node_modules', '@cyclonedx', 'cdxgen');
  return { prefix, pkgJson: join(pkgDir, 'package.json'), bin: join(pkgDir, 'bin', 'cdxgen.js') };
}

export function installedCdxgenVersion(cacheRoot) {
  const { pkgJson, bin } = cdxgenPaths(cacheRoot);
  if (!existsSync(pkgJson) || !existsSync(bin)) return undefined;
  try {
    return JSON.parse(readFileSync(pkgJson, 'utf8')).version;
  } catch {
    return undefined;
  }
}

/** Installs cdxgen into <cacheRoot>/cdxgen with npm unless that exact version is there. Returns the bin path. */
export function ensureCdxgen(cacheRoot, log) {
  const paths = cdxgenPaths(cacheRoot);
  const have = installedCdxgenVersion(cacheRoot);
  if (have === CDXGEN_VERSION) return paths.bin;
  log(`installing ${PACKAGE}@${CDXGEN_VERSION} into ${paths.prefix}${have ? ` (found ${have})` : ''} ...`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['install', '--prefix', paths.prefix, `${PACKAGE}@${CDXGEN_VERSION}`, '--no-audit', '--no-fund'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    shell: process.platform === 'win32',
  });
  if (r.status !== 0 || installedCdxgenVersion(cacheRoot) !== CDXGEN_VERSION) {
    throw new Error(`npm install of ${PACKAGE}@${CDXGEN_VERSION} failed (exit ${r.status ?? r.signal ?? r.error?.message}); is the npm registry reachable?`);
  }
  return paths.bin;
}

/** cdxgen's arguments for one input (node runs `bin`). */
export function cdxgenArgs(bin, { cdxgenType, projectDir, output, validate }) {
  return [bin, '-t', cdxgenType, '--no-install-deps', '--no-recurse', ...(validate ? [] : ['--no-validate']), '-o', output, projectDir];
}

/** The environment both tools run with: the caller's, made offline and quiet for cdxgen. */
export function benchEnv(base) {
  const env = { ...base, FETCH_LICENSE: 'false', NO_COLOR: '1' };
  // Debug/trace modes add logging and activity reports; metadata fetching would go to the network.
  for (const name of ['CDXGEN_DEBUG_MODE', 'CDXGEN_TRACE_LOG', 'CDXGEN_THOUGHT_LOG', 'CDXGEN_FETCH_PKG_METADATA', 'CDXGEN_LICENSE_ENRICH', 'CDXGEN_LICENSE_ENHANCE', 'SOURCE_DATE_EPOCH', 'CHAINWARDEN_DEBUG']) {
    delete env[name];
  }
  return env;
}
