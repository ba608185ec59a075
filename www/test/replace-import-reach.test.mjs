// Seed tasks "change a mobile number" (the engine's replace plan, applied as one op), "import
// users" (all or nothing), and "can this user take a call now?" (from params.nextOpen, in the
// viewer's time zone).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, engine, said, statusText, openEdit, squash } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.stop(); });

test('changing a mobile number replaces the user in one step, as the engine plans it', async () => {
  const { page, errors, close } = await open(env);
  const node = engine();
  await openEdit(page, 'u4');
  // The number itself is read-only, with the engine's reason.
  const fields = node.check({ type: 'editableFields', actor: 'u1', target: 'u4' }).fields;
  assert.equal(await page.getByTestId('edit-mobile-reason').getAttribute('data-reason'), 'mobile_immutable');
  assert.match(squash(await page.getByTestId('edit-mobile-reason').textContent()), new RegExp(squash(fields.mobile.message).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await page.getByTestId('replace').locator('summary').click();
  const input = page.locator('#replace-mobile');
  const msg = page.getByTestId('replace-msg');
  // A format is said when the field is left; a number someone else has, as typed.
  await input.pressSequentially('98000');
  assert.equal((await msg.textContent()).trim(), '');
  await page.getByTestId('replace-run').focus();
  assert.equal(await msg.getAttribute('data-code'), 'mobile_invalid');
  await input.fill('');
  await input.pressSequentially('9800000002');
  assert.equal(await msg.getAttribute('data-code'), 'mobile_taken');
  assert.equal((await msg.textContent()).trim(), said(node.check({ type: 'replaceUser', actor: 'u1', target: 'u4', mobile: '9800000002' })));
  // A free number: the plan in words, one line per step.
  await input.fill('98000 00099');
  const plan = node.check({ type: 'replaceUser', actor: 'u1', target: 'u4', mobile: '98000 00099' });
  assert.ok(plan.ok);
  const steps = await page.getByTestId('replace-plan').locator('li').allTextContents();
  assert.ok(steps.length >= plan.plan.length, steps.join('\n'));
  assert.match(steps.at(-1), /The old record is deactivated\./);
  assert.ok(steps.some((s) => /A new Dev Patel is added with mobile \+919800000099 and extension 13/.test(s)), steps.join('\n'));
  await page.getByTestId('replace-run').click();
  await page.getByTestId('edit-dialog').waitFor({ state: 'detached' });
  assert.equal(await statusText(page, /mobile number/),
    'Dev Patel now has the mobile number +919800000099: a new record was added and invited, and the old one was deactivated.');
  // The account as the one op leaves it (the same op applied in Node).
  node.apply({ type: 'replaceUser', actor: 'u1', target: 'u4', mobile: '98000 00099' });
  for (const u of node.account().users.filter((x) => ['u4', plan.user.id].includes(x.id))) {
    const row = page.getByTestId(`user-row-${u.id}`);
    assert.equal(await row.getAttribute('data-status'), u.status, u.id);
    assert.match(await row.textContent(), new RegExp(`${u.email.replace(/[.+]/g, '\\$&')}.*\\${u.mobile}.*${u.extension}`), u.id);
  }
  assert.deepEqual(errors, []);
  await close();
});

test('an import with bad rows adds nobody; a good one adds every row, up to the plan limit', async () => {
  const { page, errors, close } = await open(env);
  const node = engine();
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-example').click();
  const { EXAMPLE_CSV } = await import('../example-csv.js');
  const out = node.check({ type: 'importUsers', actor: 'u1', csv: EXAMPLE_CSV });
  const errorsIn = out.violations.filter((v) => v.severity === 'error');
  assert.equal(await page.getByTestId('import-summary').getAttribute('data-errors'), String(errorsIn.length));
  assert.equal(await page.getByTestId('import-summary').textContent(), `example.csv: ${errorsIn.length} problems. Nobody is added until every row passes.`);
  for (const v of errorsIn) {
    const row = page.locator(`#import-errors tr[data-row="${v.row}"][data-code="${v.code}"]`);
    assert.equal(await row.count(), 1, `${v.row} ${v.code}`);
    assert.equal(squash(await row.locator('td').nth(2).textContent()), squash(said({ violations: [v] })));
  }
  // The field column uses the form's labels, not the JSON path.
  assert.match(await page.locator('#import-errors tbody').textContent(), /Email/);
  await page.getByTestId('import-apply').click();
  assert.equal(await page.getByTestId('usage-users').getAttribute('data-used'), '6');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'import-summary');

  const good = 'name,email,mobile,extension,role,pro,schedule,departments\n'
    + 'Hari Das,hari@acme.in,98000 00021,20,agent,false,Mon-Fri 9am-6pm,sales\n'
    + 'Indu Roy,indu@acme.in,98000 00022,21,agent,false,24/7,support;sales\n'
    + 'Jai Menon,jai@acme.in,98000 00023,22,agent,false,24/7,support\n'
    + 'Kiran Shah,kiran@acme.in,98000 00024,23,agent,false,24/7,support\n';
  await page.setInputFiles('#import-file', { name: 'team.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
  await page.waitForFunction(() => document.querySelector('#import-summary').dataset.kind === 'ok');
  assert.equal(await page.getByTestId('import-summary').textContent(), 'team.csv: every row passes.');
  await page.getByTestId('import-apply').click();
  assert.equal(await statusText(page, /added/), '4 users were added and invited.');
  // The plan is full now: the counter says so, and Add user says why it cannot, in the engine's words.
  node.apply({ type: 'importUsers', actor: 'u1', csv: good });
  const full = node.check({ type: 'seatRequest', count: 1 });
  assert.equal(await page.getByTestId('usage-users').getAttribute('data-used'), '10');
  assert.equal(await page.getByTestId('usage-users').getAttribute('data-full'), 'true');
  assert.equal(await page.getByTestId('add-open').getAttribute('aria-disabled'), 'true');
  assert.equal(await page.getByTestId('add-reason').getAttribute('data-code'), full.violations[0].code);
  assert.equal((await page.getByTestId('add-reason').textContent()).trim(), said(full));
  assert.deepEqual(errors, []);
  await close();
});

test('"Can this user take a call now?" shows the next opening in the viewer\'s time zone', async () => {
  // Saturday noon UTC: Dev Patel (Mo-Fr 09:00-18:00, Asia/Kolkata) is off until Monday.
  const at = '2025-11-22T12:00:00Z';
  const timezoneId = 'America/New_York';
  const { page, errors, close } = await open(env, { clock: at, timezoneId });
  const node = engine();
  const out = node.check({ type: 'reachable', target: 'u4', at });
  const next = out.violations.find((v) => v.params.nextOpen).params.nextOpen;
  await openEdit(page, 'u4');
  const box = page.getByTestId('reachable');
  assert.equal(await box.getAttribute('data-ok'), 'false');
  assert.equal(await box.getAttribute('data-codes'), out.violations.map((v) => v.code).join(' '));
  const time = box.getByTestId('next-open');
  assert.equal(await time.getAttribute('datetime'), next);
  const expected = new Intl.DateTimeFormat('en-IN', {
    weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit', timeZoneName: 'short', timeZone: timezoneId,
  }).format(new Date(next));
  assert.equal(squash(await time.textContent()).toLowerCase(), squash(expected).toLowerCase());
  assert.match(await time.textContent(), /Sun/); // 09:00 in Kolkata is Sunday evening in New York
  assert.doesNotMatch(await box.textContent(), /\[object|\d{4}-\d\d-\d\dT/);
  assert.ok((await box.textContent()).includes(out.violations[0].message));
  await page.keyboard.press('Escape');
  // Someone who can take calls now: yes.
  await openEdit(page, 'u1');
  assert.equal(await page.getByTestId('reachable').getAttribute('data-ok'), String(node.check({ type: 'reachable', target: 'u1', at }).ok));
  assert.deepEqual(errors, []);
  await close();
});
