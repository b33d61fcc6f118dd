// Summarizes a V8 CPU profile (node --cpu-prof) of one chainwarden run: self time grouped by where the code lives
// (Node internals, each npm package, each chainwarden module, GC), plus the hottest functions.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

function groupOf(url, functionName) {
  if (!url) return functionName || '(native)';
  if (url.startsWith('node:')) return 'node internals (module loading, fs, ...)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return `npm ${rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]}`;
  }
  const src = url.indexOf('/dist/src/');
  return src >= 0 ? `chainwarden ${url.slice(src + '/dist/src/'.length)}` : url.replace(/^file:\/\//, '');
}

/** Reads the one .cpuprofile in `dir`; returns { spanMs, groups: [[name, ms]], functions: [[name, ms]] }. */
export function summarizeCpuProfile(dir, top = 12) {
  const file = readdirSync(dir).find((n) => n.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no .cpuprofile in ${dir}`);
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const groups = new Map();
  const functions = new Map();
  for (const [id, us] of selfUs) {
    const { url, functionName, lineNumber } = nodes.get(id).callFrame;
    const g = groupOf(url, functionName);
    groups.set(g, (groups.get(g) ?? 0) + us / 1000);
    const where = !url ? '' : `${url.startsWith('node:') ? url : groupOf(url, functionName).replace(/^(chainwarden|npm) /, '')}:${lineNumber + 1}`;
    const f = `${functionName || '(anonymous)'} ${where}`.trim();
    functions.set(f, (functions.get(f) ?? 0) + us / 1000);
  }
  const sorted = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top);
  return { spanMs: (profile.endTime - profile.startTime) / 1000, groups: sorted(groups), functions: sorted(functions) };
}
