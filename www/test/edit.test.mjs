// Seed task "update a user's information (name, email, role, extension)": ⋮ → Edit, Save,
// a human status line; read-only fields say why; SSO-managed fields; the panel-login fields
// and the people picker (report users by name, not ids).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, engine, said, statusText, actAs, openEdit, openMenu, focused } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.stop(); });

const msg = (page, key) => page.getByTestId(`edit-${key}-msg`);

/** What a screen reader reads as the description of `selector`: its aria-describedby targets. */
function described(page, selector) {
  return page.locator(selector).evaluate((el) => {
    const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    const targets = ids.map((id) => document.getElementById(id)).filter(Boolean);
    return { text: targets.map((t) => t.textContent).join(' '), reasons: targets.map((t) => t.dataset.reason).filter(Boolean) };
  });
}

async function save(page) {
  await page.getByTestId('edit-save').click();
  await page.getByTestId('edit-dialog').waitFor({ state: 'detached' });
}

test('edit extension, name, email and role: each save said in words', async () => {
  const { page, errors, close } = await open(env);
  const node = engine();
  let dialog = await openEdit(page, 'u4');
  assert.match(await dialog.locator('h2').textContent(), /Edit Dev Patel/);
  // Untouched: nothing said.
  assert.equal(await dialog.locator('[aria-invalid=true]').count(), 0);
  // A taken extension is said as typed, with the engine's words for this user.
  await page.locator('#edit-extension').fill('14');
  assert.equal(await msg(page, 'extension').getAttribute('data-code'), 'extension_taken');
  const taken = node.checkField('extension', '14', 'u4');
  assert.ok((await msg(page, 'extension').textContent()).startsWith(said(taken)));
  await page.locator('#edit-extension').fill('17');
  assert.equal((await msg(page, 'extension').textContent()).trim(), '');
  await save(page);
  assert.equal(await statusText(page, /Dev/), 'Dev Patel’s extension changed from 13 to 17.');
  assert.match(await page.getByTestId('user-row-u4').textContent(), /17/);
  assert.equal(await focused(page), 'menu-u4'); // focus back on the row's menu button

  dialog = await openEdit(page, 'u4');
  await page.locator('#edit-name').fill('Dev Kumar Patel');
  await page.locator('#edit-email').fill('dev.patel@acme.in');
  await save(page);
  const line = await statusText(page, /Dev Kumar/);
  assert.match(line, /^Dev Kumar Patel’s details changed: name from Dev Patel to Dev Kumar Patel; email from dev@acme\.in to dev\.patel@acme\.in\./);
  assert.match(line, /They need to confirm the new email address\.$/);

  // Role: an admin becomes a manager (Pro stays on); departments by name.
  await openEdit(page, 'u2');
  await page.selectOption('#edit-role', 'manager');
  await page.locator('#edit-departments input[value=support]').check();
  await save(page);
  const role = await statusText(page, /Bala/);
  assert.match(role, /^Bala Iyer’s details changed: role from Admin to Manager; departments from Sales to Sales and Support\./);
  assert.match(role, /sign out and in again/);
  assert.match(await page.getByTestId('user-row-u2').textContent(), /Manager.*Sales, Support/);
  assert.deepEqual(errors, []);
  await close();
});

test("a manager sees an admin's record read-only, with the engine's reason said once", async () => {
  const { page, errors, close } = await open(env);
  await actAs(page, 'u3');
  const node = engine();
  // The row menu's Edit is refused with the reason inside the item.
  const menu = await openMenu(page, 'u2');
  const edit = menu.locator('[data-action=edit]');
  assert.equal(await edit.getAttribute('aria-disabled'), 'true');
  const states = node.check({ type: 'editableFields', actor: 'u3', target: 'u2' }).fields;
  const st = states.name;
  assert.equal(await edit.locator('.reason').getAttribute('data-code'), st.reason);
  assert.equal((await edit.locator('.reason').textContent()).trim(), [st.message, st.hint].filter(Boolean).join(' '));
  await page.keyboard.press('Escape');
  // The name opens the record to read: every field read-only, the shared reason once.
  await page.getByTestId('open-u2').click();
  const dialog = page.getByTestId('edit-dialog');
  await dialog.waitFor();
  assert.equal(await dialog.locator('h2').textContent(), 'Bala Iyer');
  assert.equal(await page.locator('#edit-name').getAttribute('readonly'), '');
  const why = await described(page, '#edit-name');
  assert.deepEqual(why.reasons, [st.reason]);
  assert.ok(why.text.includes(st.message), why.text);
  for (const f of ['#edit-email', '#edit-extension', '#edit-schedule']) assert.deepEqual((await described(page, f)).reasons, [st.reason], f);
  // A password is a reset: its own reason, next to the field.
  const pw = states['webLogin.password'];
  assert.ok((await described(page, '#edit-webLogin-password')).text.includes(pw.message));
  assert.equal(await page.getByTestId('edit-save').count(), 0);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await focused(page), 'open-u2');
  assert.deepEqual(errors, []);
  await close();
});

test('with SSO on, name and email are read-only, managed by the identity provider', async () => {
  const { page, errors, close } = await open(env);
  await page.getByTestId('settings-open').click();
  await page.getByTestId('sso-toggle').check();
  assert.equal(await statusText(page, /identity provider/), 'Names and emails now come from your identity provider.');
  await page.keyboard.press('Escape');
  await page.getByTestId('settings-dialog').waitFor({ state: 'detached' });
  await openEdit(page, 'u4');
  const withSso = { ...engine().account(), sso: { managedFields: ['name', 'email'] } };
  const fields = engine(withSso).check({ type: 'editableFields', actor: 'u1', target: 'u4' }).fields;
  for (const f of ['name', 'email']) {
    const why = await described(page, `#edit-${f}`);
    assert.deepEqual(why.reasons, ['sso_managed'], f);
    assert.ok(why.text.includes(fields[f].message), why.text);
  }
  assert.equal(await page.locator('#edit-extension').getAttribute('readonly'), null);
  await page.keyboard.press('Escape');
  await page.getByTestId('settings-open').click();
  await page.getByTestId('sso-toggle').uncheck();
  await page.keyboard.press('Escape');
  await openEdit(page, 'u4');
  assert.equal(await page.locator('#edit-name').getAttribute('readonly'), null);
  assert.deepEqual(errors, []);
  await close();
});

test('panel login fields show errors at their paths; report users are picked by name', async () => {
  const { page, errors, close } = await open(env);
  await openEdit(page, 'u2'); // Bala has a panel login
  const ips = page.locator('#edit-webLogin-allowedIps');
  await ips.fill('203.0.113.0/24\n300.1.1.1');
  assert.equal((await msg(page, 'webLogin-allowedIps').textContent()).trim(), ''); // not left yet
  await page.locator('#edit-webLogin-loginId').focus();
  assert.equal(await msg(page, 'webLogin-allowedIps').getAttribute('data-code'), 'ip_invalid');
  await page.locator('#edit-webLogin-loginId').fill('bala');
  await page.locator('#edit-webLogin-password').focus();
  assert.equal(await msg(page, 'webLogin-loginId').getAttribute('data-code'), 'login_id_invalid');
  await page.locator('#edit-webLogin-password').fill('bala.iyer1');
  await page.locator('#edit-timeZone').focus();
  assert.equal(await msg(page, 'webLogin-password').getAttribute('data-code'), 'password_weak');
  await page.locator('#edit-timeZone').fill('Mars/Base');
  await page.locator('#edit-altMobile').focus();
  assert.equal(await msg(page, 'timeZone').getAttribute('data-code'), 'time_zone_invalid');

  // Report users by name: a chip per person, the id never typed.
  const picker = page.locator('#edit-reportUsers-input');
  await picker.fill('Nobody Here');
  await page.getByTestId('edit-reportUsers-add').click();
  assert.match(await page.locator('#edit-reportUsers-note').textContent(), /Nobody in this account is called “Nobody Here”/);
  await picker.fill('chitra sen');
  await picker.press('Enter');
  assert.deepEqual(await page.getByTestId('edit-reportUsers-chips').locator('li').allTextContents(), ['Chitra Sen×']);

  // Fixed: one save with every change, said in words, the password never echoed.
  await ips.fill('203.0.113.0/24\n198.51.100.7');
  await page.locator('#edit-webLogin-loginId').fill('bala.iyer2');
  await page.locator('#edit-webLogin-password').fill('Sunrise2024');
  await page.locator('#edit-timeZone').fill('Asia/Calcutta');
  await save(page);
  const line = await statusText(page, /Bala/);
  assert.match(line, /login ID from bala\.iyer to bala\.iyer2/);
  assert.match(line, /time zone set to Asia\/Kolkata/); // normalised by the engine
  assert.match(line, /call records they see set to Chitra Sen/);
  assert.match(line, /Bala Iyer’s password was changed\./);
  assert.doesNotMatch(line, /Sunrise2024/);
  assert.deepEqual(errors, []);
  await close();
});
