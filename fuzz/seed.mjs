// Seeds the fuzz corpora (fuzz/corpus/<target>/, gitignored) from the conformance cases
// (tests/cases, and ../shared/cases or $ROSTER_CASES where it exists) plus a few hand-written inputs. Files are named by
// the hash of their content, so seeding again adds nothing twice and keeps what the
// fuzzer found. Usage: node fuzz/seed.mjs
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const dirs = [path.join(here, '..', 'tests', 'cases'), process.env.ROSTER_CASES ?? path.join(here, '..', '..', 'shared', 'cases')];
const requests = dirs.filter((d) => existsSync(d)).flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.json')).sort()
  .map((f) => JSON.parse(readFileSync(path.join(d, f), 'utf8')).request));
if (requests.length === 0) throw new Error('no conformance cases in tests/cases');

const seeds = { schedule: new Set(), fields: new Set(), request: new Set(), csv: new Set() };

/** Every string leaf of a JSON value, with the key it sits under. */
function* strings(v, key = '') {
  if (typeof v === 'string') yield [key, v];
  else if (Array.isArray(v)) for (const x of v) yield* strings(x, key);
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) yield* strings(x, k);
}

// `fields` and `csv` read their first byte as a selector (field path and record; actor
// and policy).
const picked = (text, i) => String.fromCharCode(i) + text;

let n = 0;
for (const req of requests) {
  seeds.request.add(JSON.stringify(req));
  for (const [key, s] of strings(req)) {
    if (key === 'schedule' || key === 'text') seeds.schedule.add(s);
    if (key === 'csv') {
      for (let i = 0; i < 12; i++) seeds.csv.add(picked(s, i));
      for (const line of s.split('\n').slice(1)) seeds.schedule.add(line.split(',')[6] ?? '');
    } else seeds.fields.add(picked(s, n++ % 84));
  }
}

// Every op type, and the optional parts of a request, on the first case's account.
const base = requests[0];
const ops = [
  { type: 'deactivateUser', actor: 'u1', target: 'u4' },
  { type: 'reactivateUser', actor: 'u1', target: 'u5' },
  { type: 'deleteUser', actor: 'u1', target: 'u6' },
  { type: 'replaceUser', actor: 'u1', target: 'u4', mobile: '98000 00099' },
  { type: 'seatRequest', count: 3 },
  { type: 'seatRequest', count: '3' },
  { type: 'editableFields', actor: 'u4', target: 'u4' },
  { type: 'reachable', target: 'u4', at: '2026-11-28T06:00:00Z' },
  { type: 'passwordReset', fromEmail: 'ASHA@acme.in', target: 'u4' },
  { type: 'audit' },
  { type: 'addUser', actor: '$system', user: { id: 'u9', name: 'क्‍षमा', email: 'k@acme.in', mobile: '0091 9800000009',
    extension: '19', role: 'manager', pro: true, schedule: 'Fr-Mo 22:00-06:00', timeZone: 'asia/calcutta',
    departments: ['sales'], altMobile: '+1 212 555 0100', allowedCallerIds: ['+911140001234'], reportUsers: ['u4'],
    webLogin: { loginId: 'kshama@acme', allowedIps: ['2001:db8::/32'], blocked: false, password: 'Pässwort-2026' } } },
  { type: 'editUser', actor: 'u4', target: 'u4', patch: { name: 'Dev P', timeZone: null,
    webLogin: { password: 'nеw-pass-1' } } },
  { type: 'editUser', actor: 'u1', target: 'u2', patch: { role: 'agent', pro: false, altMobile: null,
    webLogin: null, allowedCallerIds: null, reportUsers: null } },
  { type: 'importUsers', actor: 'u1', csv: 'name,email,mobile,extension\n"Rao, Asha",a2@acme.in,98000 00031,31\n' },
];
for (const op of ops) seeds.request.add(JSON.stringify({ ...base, op }));
seeds.request.add(JSON.stringify({ policy: { plans: { swift: 7 }, countDeactivated: false, uniqueMobile: false,
  defaultCountry: 'US', maxImportRows: 2, deleteRequiresDeactivation: true, reservedExtensions: ['16'],
  password: { minLength: 4 }, loginIdMin: 3, extensionRange: { from: 1, to: 9999 } },
  externalEmails: ['gita@acme.in'], ...base }));

for (const s of ['Mon-Fri 9:30 am to 6 pm; Sat 10am-2pm', '12 am to 12 am', 'all day', 'Fr-Mo 22:00-06:00',
  'Mo-Fr 09:00-18:00; We 10:00-12:00', 'Sa off', 'off', '24/7', 'Su 22:00-02:00', 'Mo-Fr 09:00-12:00,11:00-13:00',
  'PH off', 'Jan 10:00-12:00', 'week 01-10', 'sunrise-sunset', 'Mo 10:00-12:00 || Tu', '"note"', 'Mo 10:00-12:00 off',
  '00:00-00:00', 'mon–fri 9am-6pm ;  Sat 10am to 2pm', 'Monday,wednesday 9am—5pm', 'Mo-Fr 09:00-18:00, Sa 10:00-14:00',
  'Tu 23:59-24:00', 'Su,Mo-We,Fr 12:00-00:00,00:30-01:00']) seeds.schedule.add(s);

let i = 0;
for (const s of ['+91 98000 00007', '0091 9800000007', '(+91) 98123.45678', '091-98000-00007', 'asha+ops@acme.in',
  'a@b.c', '203.0.113.0/24', '2001:db8::/32', '::ffff:1.2.3.4/128', 'Asia/Calcutta', 'etc/utc',
  '2026-11-28T06:00:00.123+05:30', 'आशा राव', 'क्‍ष', 'Asha\u202eRao', 'Asha\u200bRao', 'Asha 😀', 's3cret-pass', '016',
  '99999999999999999999', 'dev.patel', '["sales","nope"]', '{"loginId":"abc","password":"x1"}', 'true', '12', 'null'])
  seeds.fields.add(picked(s, (i++ * 5) % 84));

const header = 'name,email,mobile,extension,role,pro,schedule,departments';
for (const [j, s] of [`${header}\n`, `${header}\r\n"Rao, Asha","a@x.in","98000 00031",31,agent,yes,"Mo-Fr 9am-6pm",sales;support\r\n`,
  'NAME, Email ,mobile,extension\n"multi\nline",b@x.in,9800000032,32\n\n,,,\n', `\ufeff${header}\nx,y\n`,
  'name,email,mobile,extension,extension\n', 'name,email\n', `${header}\n"open`, `${header}\nx"y\n`].entries())
  for (let k = 0; k < 2; k++) seeds.csv.add(picked(s, j * 2 + k));

for (const [target, set] of Object.entries(seeds)) {
  const dir = path.join(here, 'corpus', target);
  mkdirSync(dir, { recursive: true });
  for (const s of set) {
    const bytes = Buffer.from(s, 'utf8');
    writeFileSync(path.join(dir, createHash('sha1').update(bytes).digest('hex')), bytes);
  }
  console.log(`fuzz/corpus/${target}: ${set.size} seeds`);
}
