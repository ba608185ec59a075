// Decides which numbers come from a busy machine. scripts/bench samples /proc/stat once a
// second into target/bench/load.log while it runs; for the time window of one benchmark
// this gives how much CPU the whole machine used, and so how much other processes used
// beside the benchmark's own use (measured: process.cpuUsage() per Node row, the step's
// CPU time for criterion, which runs its benchmarks on one thread). The load average lags
// by a minute and counts waiting processes, so it is kept only as a second opinion.
import { existsSync, readFileSync } from 'node:fs';

/** Cores other processes must use on average in a window for its numbers to count as busy. */
export const BUSY_CORES = 0.25;

/**
 * The samples of a load log: `{ t (ms), busy, total (jiffies over all cores), load1 }`,
 * from lines `<epoch seconds> <load1> cpu <user> <nice> <system> <idle> <iowait> …`.
 */
export function readLoadLog(file) {
  if (!existsSync(file)) return [];
  const samples = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length < 8 || f[2] !== 'cpu') continue;
    const j = f.slice(3).map(Number);
    const total = j.slice(0, 8).reduce((a, b) => a + b, 0); // guest time is already in user
    const idle = j[3] + (j[4] ?? 0);
    samples.push({ t: Number(f[0]) * 1000, busy: total - idle, total, load1: Number(f[1]) });
  }
  return samples;
}

/**
 * What the machine did from `startMs` to `endMs`: `{ cores, own, others, load1 }`, where
 * `cores` is the CPU the whole machine used (in cores) and `others` what is left after
 * the benchmark's `own` use (in cores, one by default). The window is widened to the
 * samples around it. `null` when the log does not cover the window.
 */
export function loadDuring(samples, startMs, endMs, ncores, own = 1) {
  if (samples.length < 2 || startMs == null || endMs == null) return null;
  let a = 0;
  while (a + 1 < samples.length && samples[a + 1].t <= startMs) a++;
  let b = samples.length - 1;
  while (b - 1 > a && samples[b - 1].t >= endMs) b--;
  if (b <= a || samples[a].t > startMs + 2000 || samples[b].t < endMs - 2000) return null;
  const dt = samples[b].total - samples[a].total;
  if (dt <= 0) return null;
  const cores = ((samples[b].busy - samples[a].busy) / dt) * ncores;
  const loads = samples.slice(a, b + 1).map((s) => s.load1);
  return { cores, own, others: Math.max(0, cores - own), load1: Math.max(...loads) };
}

export const isBusy = (load) => load != null && load.others >= BUSY_CORES;
