// Runs one command as a child process and measures its wall time and peak resident memory.
//
// Peak memory, in order of preference:
//   1. GNU time (`/usr/bin/time -f %M`): the kernel's rusage for the waited-for child tree, i.e. the peak RSS of the
//      largest process anywhere in the tree (ru_maxrss of children is a maximum, not a sum). Exact.
//   2. Polling /proc/<pid>/status VmHWM of the child and every descendant every few ms (Linux without GNU time).
//      Same meaning (largest process), but growth in the last few ms before exit can be missed.
//   3. Nothing: peak memory is reported as unknown.
// Wall time is always measured here, from spawn to the child's exit, with a monotonic clock.
import { Buffer } from 'node:buffer';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { clearInterval, setInterval } from 'node:timers';

const GNU_TIME = '/usr/bin/time';

/** Picks the best peak-memory method available on this machine. */
export function memoryMethod() {
  if (existsSync(GNU_TIME)) {
    const probe = spawnSync(GNU_TIME, ['-f', '%M', 'true'], { encoding: 'utf8' });
    if (probe.status === 0 && /^\d+\s*$/m.test(probe.stderr)) return 'gnu-time';
  }
  if (process.platform === 'linux' && existsSync('/proc/self/status')) return 'proc-poll';
  return 'none';
}

export const METHOD_LABELS = {
  'gnu-time': '/usr/bin/time -f %M (largest process in the child tree, from the kernel)',
  'proc-poll': 'polling /proc/<pid>/status VmHWM of the child tree (install GNU time for exact figures)',
  none: 'not measured (no /usr/bin/time, no /proc)',
};

/** Prefix that puts the child into an empty network namespace, if this machine allows it (else null). */
export function offlinePrefix() {
  const candidates = process.getuid?.() === 0 ? [['unshare', '-n']] : [['unshare', '-rn']];
  for (const prefix of candidates) {
    const r = spawnSync(prefix[0], [...prefix.slice(1), 'true'], { stdio: 'ignore' });
    if (r.status === 0) return prefix;
  }
  return null;
}

function readKb(pid, field) {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

function descendants(pid, out = new Set()) {
  out.add(pid);
  let tasks = [];
  try {
    tasks = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
  } catch {
    return out;
  }
  for (const child of tasks) descendants(Number(child), out);
  return out;
}

/**
 * Runs `command args` and resolves to { exitCode, signal, wallMs, peakRssKb, userS, sysS, stdout, stderr }.
 * `scratchDir` holds GNU time's report file.
 */
export function measure(command, args, { env, cwd, method, scratchDir, prefix = null }) {
  const inner = prefix ? [...prefix, command, ...args] : [command, ...args];
  const reportFile = join(scratchDir, `time-${process.pid}-${Math.random().toString(36).slice(2)}.txt`);
  const argv = method === 'gnu-time' ? [GNU_TIME, '-o', reportFile, '-f', '%M %U %S', ...inner] : inner;
  return new Promise((resolvePromise, reject) => {
    const stdout = [];
    const stderr = [];
    const start = performance.now();
    const child = spawn(argv[0], argv.slice(1), { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let wallMs;
    let polledPeak = 0;
    let poller;
    if (method === 'proc-poll') {
      const sample = () => {
        for (const pid of descendants(child.pid)) polledPeak = Math.max(polledPeak, readKb(pid, 'VmHWM') ?? 0);
      };
      poller = setInterval(sample, 5);
      sample();
    }
    child.stdout.on('data', (d) => stdout.push(d));
    child.stderr.on('data', (d) => stderr.push(d));
    child.on('error', (error) => {
      if (poller) clearInterval(poller);
      reject(error);
    });
    child.on('exit', () => {
      wallMs = performance.now() - start;
      if (poller) clearInterval(poller);
    });
    child.on('close', (code, signal) => {
      let peakRssKb = method === 'proc-poll' && polledPeak > 0 ? polledPeak : undefined;
      let userS;
      let sysS;
      if (method === 'gnu-time') {
        try {
          // The last line holds our format; a line before it may say "Command exited with non-zero status N".
          const lines = readFileSync(reportFile, 'utf8').trim().split('\n');
          const [rss, user, sys] = (lines.at(-1) ?? '').trim().split(/\s+/).map(Number);
          if (Number.isFinite(rss)) peakRssKb = rss;
          if (Number.isFinite(user)) userS = user;
          if (Number.isFinite(sys)) sysS = sys;
        } catch {
          // no report: leave memory unknown
        }
        rmSync(reportFile, { force: true });
      }
      resolvePromise({
        exitCode: code,
        signal,
        wallMs: wallMs ?? performance.now() - start,
        peakRssKb,
        userS,
        sysS,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      });
    });
  });
}
