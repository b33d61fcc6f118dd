// Turns measured runs into medians, ratios and budget verdicts, and renders them as text tables.

export function median(values) {
  const xs = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return undefined;
  const mid = Math.floor(xs.length / 2);
  return xs.length % 2 === 1 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}

/** Summary of one tool on one input: medians over the successful runs, plus the first failure if any. */
export function summarize(runs) {
  const ok = runs.filter((r) => r.ok);
  const failed = runs.filter((r) => !r.ok);
  return {
    runs: runs.length,
    ok: ok.length,
    wallMs: median(ok.map((r) => r.wallMs)),
    wallMinMs: ok.length > 0 ? Math.min(...ok.map((r) => r.wallMs)) : undefined,
    wallMaxMs: ok.length > 0 ? Math.max(...ok.map((r) => r.wallMs)) : undefined,
    peakRssMb: median(ok.map((r) => (r.peakRssKb === undefined ? undefined : r.peakRssKb / 1024))),
    cpuS: median(ok.map((r) => (r.userS === undefined ? undefined : r.userS + (r.sysS ?? 0)))),
    failure: failed[0]?.failure,
  };
}

/**
 * Budget checks for one input. A check whose figures are missing (a tool failed) fails, with the reason.
 * budget: { speedup, memory, wallMs? }
 */
export function checkBudgets(input, cw, cdx) {
  const checks = [];
  // The failure itself is printed once above the budget table and kept in the JSON; here it is just named.
  const missing = (s, tool) => (s.ok === 0 ? `${tool} failed` : undefined);
  const why = missing(cw, 'chainwarden') ?? missing(cdx, 'cdxgen');
  const speedup = why ? undefined : cdx.wallMs / cw.wallMs;
  checks.push({
    input: input.id,
    name: 'speed',
    label: 'wall time, cdxgen / chainwarden',
    value: speedup,
    shown: speedup === undefined ? why : `${speedup.toFixed(1)}x`,
    budget: `>= ${input.budget.speedup}x`,
    pass: speedup !== undefined && speedup >= input.budget.speedup,
  });
  const memRatio = why || cw.peakRssMb === undefined || cdx.peakRssMb === undefined ? undefined : cw.peakRssMb / cdx.peakRssMb;
  checks.push({
    input: input.id,
    name: 'memory',
    label: 'peak RSS, chainwarden / cdxgen',
    value: memRatio,
    shown: memRatio === undefined ? (why ?? 'peak memory not measured') : memRatio.toFixed(2),
    budget: `<= ${input.budget.memory}`,
    pass: memRatio !== undefined && memRatio <= input.budget.memory,
  });
  if (input.budget.wallMs !== undefined) {
    const wall = cw.ok === 0 ? undefined : cw.wallMs;
    checks.push({
      input: input.id,
      name: 'wall',
      label: 'chainwarden process wall time',
      value: wall,
      shown: wall === undefined ? missing(cw, 'chainwarden') : `${Math.round(wall)} ms`,
      budget: `< ${input.budget.wallMs} ms`,
      pass: wall !== undefined && wall < input.budget.wallMs,
    });
  }
  return checks;
}

/** Plain left-aligned table with a header rule; numbers are pre-formatted strings. */
export function table(header, rows) {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => String(r[i] ?? '').length)));
  const line = (r) => r.map((c, i) => String(c ?? '').padEnd(widths[i])).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export const fmtMs = (v) => (v === undefined || v === null ? '-' : v >= 100 ? String(Math.round(v)) : v.toFixed(1));
export const fmtMb = (v) => (v === undefined ? '-' : v.toFixed(1));
