// Seed task "add a user": the Add user button opens the form; nothing is shown on an
// untouched form; a format is checked when the field is left, a clash as typed; submit
// shows everything; a human status line; who may not add sees why.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, engine, said, statusText, actAs, focused } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.stop(); });

const msg = (page, key) => page.getByTestId(`add-${key}-msg`);
const codeAt = (page, key) => msg(page, key).getAttribute('data-code');
const textAt = async (page, key) => (await msg(page, key).textContent()).trim();

async function openAdd(page) {
  await page.getByTestId('add-open').click();
  await page.getByTestId('add-dialog').waitFor();
}

test('validation timing: nothing on an untouched form, a format when the field is left, a clash as typed', async () => {
  const { page, errors, close } = await open(env);
  await openAdd(page);
  const node = engine();
  // Untouched: not a single message or invalid mark.
  assert.equal(await page.locator('#add-dialog [aria-invalid=true], [data-testid=add-dialog] [aria-invalid=true]').count(), 0);
  for (const key of ['name', 'email', 'mobile', 'extension']) assert.equal(await textAt(page, key), '', key);
  assert.equal((await page.getByTestId('add-form-msg').textContent()).trim(), '');

  // Typing "9" in Mobile, or "r" in Email, says nothing yet.
  await page.locator('#add-mobile').pressSequentially('9');
  assert.equal(await textAt(page, 'mobile'), '');
  await page.locator('#add-email').pressSequentially('r');
  assert.equal(await textAt(page, 'email'), '');
  assert.equal(await page.locator('#add-email').getAttribute('aria-invalid'), null);
  // The mobile was left (focus moved to Email): its format is shown now, in the engine's words.
  assert.equal(await codeAt(page, 'mobile'), 'mobile_invalid');
  assert.equal(await textAt(page, 'mobile'), said(node.checkField('mobile', '9')));
  // Leaving Email shows its format error; from then on it is live, and clears as soon as fixed.
  await page.keyboard.press('Tab');
  assert.equal(await codeAt(page, 'email'), 'email_invalid');
  assert.equal(await textAt(page, 'email'), said(node.checkField('email', 'r')));
  assert.equal(await page.locator('#add-email').getAttribute('aria-invalid'), 'true');
  await page.locator('#add-email').focus();
  await page.locator('#add-email').pressSequentially('avi@acme.in');
  assert.equal(await textAt(page, 'email'), '');
  assert.equal(await page.locator('#add-email').getAttribute('aria-invalid'), null);
  // A clash is live while typing, before the field is left.
  await page.locator('#add-email').fill('');
  await page.locator('#add-email').pressSequentially('asha@acme.in');
  assert.equal(await codeAt(page, 'email'), 'email_taken');
  await page.locator('#add-extension').pressSequentially('14');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'add-extension');
  assert.equal(await codeAt(page, 'extension'), 'extension_taken');
  const expected = node.checkField('extension', '14');
  assert.equal(await textAt(page, 'extension').then((s) => s.replace(/\s*Use \d+$/, '')), said(expected));
  // ... and its suggestion is a button that fills the field and hands focus back.
  const suggestion = String(expected.violations[0].params.suggestion);
  const use = page.getByTestId('add-extension-suggest');
  assert.equal(await use.getAttribute('data-value'), suggestion);
  await use.click();
  assert.equal(await page.locator('#add-extension').inputValue(), suggestion);
  assert.equal(await textAt(page, 'extension'), '');
  assert.equal(await focused(page), 'add-extension');
  // Left valid, the field is no longer live: an extension out of range is a format, shown
  // only once the field is left again.
  await page.keyboard.press('Tab');
  await page.locator('#add-extension').fill('1');
  assert.equal(await textAt(page, 'extension'), '');
  await page.keyboard.press('Tab');
  assert.equal(await codeAt(page, 'extension'), 'extension_out_of_range');
  assert.deepEqual(errors, []);
  await close();
});

test('add a user by keyboard alone: Add user, fields, cross-field rules, submit, status line', async () => {
  const { page, errors, close } = await open(env);
  const node = engine();
  // Keyboard only: Tab reaches Add user, Enter opens the dialog with focus in Name.
  await page.locator('#search').focus();
  for (let i = 0; i < 12 && (await focused(page)) !== 'add-open'; i++) await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'add-open');
  await page.keyboard.press('Enter');
  await page.getByTestId('add-dialog').waitFor();
  assert.equal(await focused(page), 'add-name');
  await page.keyboard.type('Gita Nair');
  await page.keyboard.press('Tab');
  await page.keyboard.type('gita@acme.in');
  await page.keyboard.press('Tab');
  await page.keyboard.type('98000 00007');
  await page.keyboard.press('Tab'); // alternative mobile
  await page.keyboard.press('Tab');
  await page.keyboard.type('16');
  // A cross-field rule: a manager needs Pro, said at Role once it is chosen.
  await page.selectOption('#add-role', 'manager');
  assert.equal(await codeAt(page, 'role'), 'role_requires_pro');
  assert.match(await page.locator('#add-role-help').textContent(), /own departments/);
  await page.locator('#add-pro').check();
  assert.equal(await textAt(page, 'role'), '');
  // ... and Pro meets the seat limit (the sample's 3 seats are taken), in the engine's words.
  assert.equal(await codeAt(page, 'pro'), 'pro_seat_limit');
  const seats = node.check({ type: 'addUser', actor: 'u1', user: { name: 'Gita Nair', email: 'gita@acme.in', mobile: '9800000007', extension: '16', role: 'manager', pro: true } });
  assert.equal(await textAt(page, 'pro'), said({ violations: seats.violations.filter((v) => v.code === 'pro_seat_limit') }));
  await page.locator('#add-pro').uncheck();
  await page.selectOption('#add-role', 'agent');
  await page.locator('#add-departments input[value=sales]').check();
  await page.locator('#add-departments input[value=sales]').focus();
  await page.keyboard.press('Enter'); // submits the form
  await page.getByTestId('add-dialog').waitFor({ state: 'detached' });
  assert.equal(await statusText(page, /Gita/), 'Gita Nair was added and invited.');
  assert.match(await page.getByTestId('user-row-u7').textContent(), /Gita Nair.*\+919800000007.*16.*Agent.*Sales.*Pending/);
  assert.equal(await page.getByTestId('usage-users').getAttribute('data-used'), '7');
  assert.equal(await focused(page), 'add-open'); // back where the admin started
  assert.deepEqual(errors, []);
  await close();
});

test('submit shows every problem, with focus on the first field at fault', async () => {
  const { page, errors, close } = await open(env);
  await openAdd(page);
  await page.getByTestId('add-submit').click();
  for (const key of ['name', 'email', 'mobile', 'extension']) assert.equal(await codeAt(page, key), 'required', key);
  assert.equal(await page.getByTestId('add-form-summary').textContent(), 'Fix the 4 problems marked below.');
  assert.equal(await focused(page), 'add-name');
  assert.equal(await codeAt(page, 'departments'), 'no_department'); // the warning, now that all is shown
  // Typing a name clears its error live (it has shown one).
  await page.keyboard.type('G');
  assert.equal(await textAt(page, 'name'), '');
  assert.deepEqual(errors, []);
  await close();
});

test("a manager adds agents into their own departments only, in the engine's words", async () => {
  const { page, errors, close } = await open(env);
  await actAs(page, 'u3');
  await openAdd(page);
  const node = engine();
  await page.locator('#add-departments input[value=support]').check();
  assert.equal(await codeAt(page, 'departments'), 'not_permitted');
  const outside = node.check({ type: 'addUser', actor: 'u3', user: { departments: ['support'] } });
  assert.equal(await textAt(page, 'departments'), said(outside));
  await page.locator('#add-departments input[value=support]').uncheck();
  await page.locator('#add-departments input[value=sales]').check();
  await page.selectOption('#add-role', 'admin');
  assert.equal(await codeAt(page, 'role'), 'role_escalation');
  const above = node.check({ type: 'addUser', actor: 'u3', user: { role: 'admin', departments: ['sales'] } });
  assert.equal(await textAt(page, 'role'), said(above));
  // The check ended on a permission code: the field being typed is still checked alone.
  await page.locator('#add-email').pressSequentially('bala@acme.in');
  assert.equal(await codeAt(page, 'email'), 'email_taken');
  assert.deepEqual(errors, []);
  await close();
});

test('who may not add users sees why, next to the button, without a mouse', async () => {
  const { page, errors, close } = await open(env);
  await actAs(page, 'u4'); // an agent
  const add = page.getByTestId('add-open');
  assert.equal(await add.getAttribute('aria-disabled'), 'true');
  assert.equal(await add.getAttribute('aria-describedby'), 'add-reason');
  const reason = page.getByTestId('add-reason');
  assert.equal(await reason.getAttribute('data-code'), 'not_permitted');
  assert.equal((await reason.textContent()).trim(), said(engine().check({ type: 'addUser', actor: 'u4', user: {} })));
  await add.focus(); // still focusable
  assert.equal(await focused(page), 'add-open');
  await page.keyboard.press('Enter');
  assert.equal(await page.getByTestId('add-dialog').count(), 0);
  // No account settings for an agent (nor for a manager); the owner has them.
  assert.equal(await page.getByTestId('settings-open').isHidden(), true);
  await actAs(page, 'u3');
  assert.equal(await page.getByTestId('settings-open').isHidden(), true);
  await actAs(page, 'u1');
  assert.equal(await page.getByTestId('settings-open').isVisible(), true);
  assert.equal(await add.getAttribute('aria-disabled'), null);
  assert.deepEqual(errors, []);
  await close();
});

test('call-receiving hours: the stored form, the week, and an ambiguous schedule with its place marked', async () => {
  const { page, errors, close } = await open(env);
  await openAdd(page);
  const view = page.getByTestId('add-schedule-view');
  // Left empty: what the engine stores for it.
  assert.equal(await view.getByTestId('canonical').textContent(), engine().check({ type: 'addUser', actor: 'u1', user: {} }).user.schedule);
  const input = page.locator('#add-schedule');
  await input.fill('Mon-Fri 9:30 am to 6 pm');
  assert.equal(await view.getByTestId('canonical').textContent(), 'Mo-Fr 09:30-18:00');
  for (let d = 0; d < 5; d++) assert.equal(await view.locator(`svg rect.open[data-day="${d}"]`).count(), 1, `day ${d}`);
  assert.equal(await view.locator('svg rect.open[data-day="5"]').count(), 0);
  // Overnight: the engine splits it at midnight; the picture draws both days.
  await input.fill('Fri 22:00-02:00');
  assert.equal(await view.locator('svg rect.open[data-day="4"]').getAttribute('data-span'), '22:00-24:00');
  assert.equal(await view.locator('svg rect.open[data-day="5"]').getAttribute('data-span'), '00:00-02:00');
  // "Mon-Fri 9-6" is refused by the engine; shown once the field is left, the place marked.
  await input.fill('Mon-Fri 9-6');
  assert.equal(await textAt(page, 'schedule'), '');
  await page.keyboard.press('Tab');
  const out = engine().checkField('schedule', 'Mon-Fri 9-6');
  const v = out.violations[0];
  assert.equal(await codeAt(page, 'schedule'), v.code);
  assert.equal(await msg(page, 'schedule').locator('.m').textContent(), v.message);
  assert.equal(await msg(page, 'schedule').locator('mark').textContent(), [...'Mon-Fri 9-6'][v.params.offset]);
  assert.equal(await input.getAttribute('aria-invalid'), 'true');
  assert.equal(await view.getByTestId('canonical').count(), 0);
  await input.fill('Mon-Fri 9am-6pm'); // live now: fixed as typed
  assert.equal(await view.getByTestId('canonical').textContent(), 'Mo-Fr 09:00-18:00');
  assert.equal(await input.getAttribute('aria-invalid'), null);
  assert.deepEqual(errors, []);
  await close();
});
