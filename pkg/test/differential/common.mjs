// Shared by the differential tests (differential-*.test.mjs): a seeded PRNG, so that
// every generated input is the same on every run, and a tally that counts and prints
// how many inputs each comparison saw. No engine rule is restated here.

/** A small seeded PRNG (mulberry32) with the helpers the generators use. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const r = {
    next,
    /** An integer in [lo, hi]. */
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: (list) => list[Math.floor(next() * list.length)],
    /** Picks from [[weight, value], ...]. */
    weighted: (pairs) => {
      const total = pairs.reduce((s, [w]) => s + w, 0);
      let x = next() * total;
      for (const [w, v] of pairs) {
        if ((x -= w) < 0) return v;
      }
      return pairs[pairs.length - 1][1];
    },
    shuffle: (list) => {
      const out = [...list];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    },
    /** `n` characters drawn from `alphabet` (a string or an array of strings). */
    string: (alphabet, n) => {
      const chars = typeof alphabet === 'string' ? [...alphabet] : alphabet;
      let s = '';
      for (let i = 0; i < n; i++) s += chars[Math.floor(next() * chars.length)];
      return s;
    },
  };
  return r;
}

/** Counts by key, with examples, for the summary each test prints. */
export class Tally {
  constructor(title) {
    this.title = title;
    this.counts = new Map();
    this.examples = new Map();
  }
  add(key, example, n = 1) {
    this.counts.set(key, (this.counts.get(key) ?? 0) + n);
    const ex = this.examples.get(key) ?? [];
    // DIFF_EXAMPLES=1 keeps every example (to read a whole category), else three.
    if (example !== undefined && ex.length < (process.env.DIFF_EXAMPLES ? Infinity : 3)) ex.push(example);
    this.examples.set(key, ex);
  }
  get(key) {
    return this.counts.get(key) ?? 0;
  }
  total() {
    let n = 0;
    for (const v of this.counts.values()) n += v;
    return n;
  }
  /** A readable block: one line per key, sorted, with up to three examples. */
  report() {
    const lines = [`${this.title}:`];
    for (const key of [...this.counts.keys()].sort()) {
      const ex = this.examples.get(key).map((e) => JSON.stringify(e)).join('  ');
      lines.push(`  ${String(this.counts.get(key)).padStart(6)}  ${key}${ex ? `   e.g. ${ex}` : ''}`);
    }
    return lines.join('\n');
  }
}
