// The benchmark data, from the same Rust generator as the criterion benches
// (benches/support/*.rs through `cargo run --release --example gen_account`), so wasm and
// native time the same accounts and ops. Written to a data folder that stays after the run.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

// `release`: the timed runs build the generator optimised (a 100,000-user account in a
// second); the smoke test takes the debug build `cargo test` already has the library for.
function genAccount(root, args, release) {
  const profile = release ? ['--release'] : [];
  return execFileSync('cargo', ['run', '--quiet', ...profile, '--example', 'gen_account', '--', ...args], {
    cwd: root,
    maxBuffer: 1 << 30,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

/** The accounts, ops and CSV of the budget rows, each also written to `dir`. */
export function budgetData(root, dir, { release = true } = {}) {
  mkdirSync(dir, { recursive: true });
  const gen = (args, file) => {
    const text = genAccount(root, args, release);
    writeFileSync(`${dir}/${file}`, text);
    return text;
  };
  const data = {};
  for (const n of [10, 5000, 10000]) data[`account${n}`] = JSON.parse(gen([String(n)], `account-${n}.json`));
  for (const n of [10, 10000]) {
    data[`add${n}`] = JSON.parse(gen([String(n), '--add'], `add-${n}.json`));
    data[`edit${n}`] = JSON.parse(gen([String(n), '--edit'], `edit-${n}.json`));
  }
  data.csv5000 = gen(['5000', '--csv'], 'import-5000.csv').replace(/\n$/, '');
  return data;
}

/**
 * The scaling rows (benches/support/scaling.rs) at their full sizes (`smoke`: the small
 * sizes of `cargo test`): the manifest
 * `{ rows: [{ id, what, mode, expect, sides: [{ label, users, account, ops }] }] }`, whose
 * `account` and `ops` name files in `dir`.
 */
export function scalingData(root, dir, { release = true, smoke = false } = {}) {
  genAccount(root, ['--scaling', dir, ...(smoke ? ['--smoke'] : [])], release);
  return readScaling(dir);
}

/** The manifest a previous run wrote to `dir` (report.mjs reads it when the Node step was skipped). */
export function readScaling(dir) {
  const manifest = JSON.parse(readFileSync(`${dir}/scaling.json`, 'utf8'));
  return { dir, rows: manifest.rows };
}
