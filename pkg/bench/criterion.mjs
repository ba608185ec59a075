// Reads criterion's results (target/criterion/**/new/{benchmark,estimates,sample}.json)
// into rows like the Node benchmark's: median, its confidence interval, p75 / p99 of the
// samples (each a mean of many iterations), and when the result was written.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const readJson = (f) => JSON.parse(readFileSync(f, 'utf8'));

/**
 * Every result under `dir`, by criterion full id. `runStart` (ms): results written before
 * it are from an earlier run (`stale`). Each result's time window is from the result
 * written before it (or `stepStart`) to its own, for the load report.
 */
export function readCriterion(dir, runStart, stepStart) {
  const rows = [];
  const walk = (d) => {
    if (!existsSync(d)) return;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (!e.isDirectory()) continue;
      const p = join(d, e.name);
      if (e.name === 'new' && existsSync(`${p}/benchmark.json`) && existsSync(`${p}/estimates.json`)) {
        const b = readJson(`${p}/benchmark.json`);
        const est = readJson(`${p}/estimates.json`);
        const sample = existsSync(`${p}/sample.json`) ? readJson(`${p}/sample.json`) : null;
        const means = sample ? sample.times.map((t, i) => t / sample.iters[i]).sort((a, c) => a - c) : [];
        const q = (f) => (means.length ? means[Math.min(means.length - 1, Math.floor(f * (means.length - 1)))] : null);
        const mtime = statSync(`${p}/estimates.json`).mtimeMs;
        rows.push({
          id: b.full_id,
          median_ns: est.median.point_estimate,
          lo_ns: est.median.confidence_interval.lower_bound,
          hi_ns: est.median.confidence_interval.upper_bound,
          p75_ns: q(0.75),
          p99_ns: q(0.99),
          samples: means.length,
          iterations: sample ? sample.iters.reduce((a, c) => a + c, 0) : null,
          stale: runStart > 0 && mtime < runStart,
          end_ms: mtime,
          when: new Date(mtime).toISOString(),
        });
      } else if (e.name !== 'base' && e.name !== 'change' && e.name !== 'report') {
        walk(p);
      }
    }
  };
  walk(dir);
  rows.sort((a, b) => a.end_ms - b.end_ms);
  let previous = stepStart ?? null;
  for (const r of rows) {
    if (!r.stale) {
      r.start_ms = previous;
      previous = r.end_ms;
    }
  }
  return new Map(rows.map((r) => [r.id, r]));
}
