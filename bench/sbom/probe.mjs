// In-process time breakdown of chainwarden's SBOM pipeline, run by run.mjs as a fresh process per sample.
//   node bench/sbom/probe.mjs <chainwarden package dir> <project dir> <lockfile (relative)> <output file>
// Prints one JSON object of phase durations (ms). It uses the public library API (readLockfile, assembleBom) and,
// for the serialization step, the compiled output-format registry (dist/src/sbom/formats.js): an internal module,
// so that phase is reported as null if its shape changes. Nothing in src/ is touched.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

// performance.now() counts from the start of the process, so this is Node's start-up up to the first user code.
const startupMs = performance.now();
const [pkgDir, projectDir, lockfile, output] = process.argv.slice(2);
const phases = { startupMs };
const lap = async (name, fn) => {
  const t = performance.now();
  const value = await fn();
  phases[name] = performance.now() - t;
  return value;
};
const dist = (p) => pathToFileURL(join(pkgDir, 'dist', 'src', p)).href;

const lib = await lap('importMs', () => import(dist('index.js')));
const result = await lap('parseMs', () => lib.readLockfile(projectDir, lockfile));
const bom = await lap('assembleMs', () => lib.assembleBom([result], { excludeDev: false }));
let content = null;
try {
  const [{ SBOM_FORMATS }, { CYCLONEDX_SPECS, DEFAULT_SPEC_VERSION }] = await Promise.all([import(dist('sbom/formats.js')), import(dist('sbom/cyclonedx/spec.js'))]);
  content = await lap('serializeMs', async () => (await SBOM_FORMATS['cyclonedx-json']()).write(bom, CYCLONEDX_SPECS[DEFAULT_SPEC_VERSION]));
} catch (error) {
  phases.serializeMs = null;
  phases.serializeError = String(error?.message ?? error);
}
if (content !== null) await lap('writeMs', () => writeFile(output, content));
else phases.writeMs = null;
phases.untilExitMs = performance.now();
phases.components = bom.components.length + bom.assemblies.length;
phases.heapUsedMb = process.memoryUsage().heapUsed / 1048576;
process.stdout.write(`${JSON.stringify(phases)}\n`);
