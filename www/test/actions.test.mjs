// The row menu (⋮): keyboard behaviour, deactivate / reactivate, delete with a confirmation
// saying what will happen, resend invite, password reset, and refused actions that keep
// their reason on screen (focusable, aria-disabled, the engine's words inside the item).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { TABLES } from '../i18n.js';
import { setup, open, engine, said, statusText, actAs, openMenu, focused } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.stop(); });

const menuOpen = (page) => page.getByTestId('row-menu').count().then((n) => n === 1);

test('the menu by keyboard: Enter, Space and arrows open it; arrows, Home, End move; Escape returns focus', async () => {
  const { page, errors, close } = await open(env);
  const button = page.getByTestId('menu-u6');
  await button.focus();
  await page.keyboard.press('Enter');
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  assert.equal(await focused(page), 'edit');
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(page), 'deactivate');
  await page.keyboard.press('End');
  assert.equal(await focused(page), 'delete');
  await page.keyboard.press('ArrowDown'); // wraps
  assert.equal(await focused(page), 'edit');
  await page.keyboard.press('ArrowUp');
  assert.equal(await focused(page), 'delete');
  await page.keyboard.press('Home');
  assert.equal(await focused(page), 'edit');
  await page.keyboard.press('r'); // type-ahead: the next item starting with "r"
  assert.equal(await focused(page), 'resendInvite');
  await page.keyboard.press('Escape');
  assert.equal(await menuOpen(page), false);
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  assert.equal(await focused(page), 'menu-u6');
  await page.keyboard.press(' ');
  assert.equal(await focused(page), 'edit');
  await page.keyboard.press('Tab'); // Tab closes too, focus back on the button
  assert.equal(await menuOpen(page), false);
  assert.equal(await focused(page), 'menu-u6');
  await page.keyboard.press('ArrowUp');
  assert.equal(await focused(page), 'delete');
  await page.keyboard.press('Escape');
  // Enter on Edit opens the dialog; the dialog traps focus and Escape gives it back.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('edit-dialog');
  await dialog.waitFor();
  assert.equal(await focused(page), 'edit-name');
  await page.keyboard.press('Shift+Tab'); // from the first control back to the last one...
  const last = await focused(page);
  await page.keyboard.press('Tab'); // ... and forward again to the first: never out of the dialog
  assert.ok(await dialog.evaluate((d) => d.contains(document.activeElement)), last);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await focused(page), 'menu-u6');
  assert.deepEqual(errors, []);
  await close();
});

test('deactivate and reactivate: the status comes back to what it was', async () => {
  const { page, errors, close } = await open(env);
  let menu = await openMenu(page, 'u6'); // Farah Ali, pending
  await menu.locator('[data-action=deactivate]').click();
  assert.equal(await statusText(page, /Farah/), 'Farah Ali was deactivated.');
  assert.equal(await page.getByTestId('user-row-u6').getAttribute('data-status'), 'deactivated');
  assert.equal(await focused(page), 'menu-u6');
  menu = await openMenu(page, 'u6');
  assert.equal(await menu.locator('[data-action=deactivate]').count(), 0);
  await menu.locator('[data-action=reactivate]').click();
  // The status it returns to is the engine's (RULES §5.7: the one before deactivation).
  const node = engine();
  node.apply({ type: 'deactivateUser', actor: 'u1', target: 'u6' });
  const back = node.apply({ type: 'reactivateUser', actor: 'u1', target: 'u6' }).user.status;
  assert.equal(await statusText(page, /reactivated/), `Farah Ali was reactivated (status: ${TABLES.en[`userStatus.${back}`]}).`);
  assert.equal(await page.getByTestId('user-row-u6').getAttribute('data-status'), back);
  assert.deepEqual(errors, []);
  await close();
});

test('delete asks first, says what will happen, and can be cancelled', async () => {
  const { page, errors, close } = await open(env);
  let menu = await openMenu(page, 'u5'); // Esha Khan, deactivated, in no department
  await menu.locator('[data-action=delete]').click();
  const dialog = page.getByTestId('delete-dialog');
  await dialog.waitFor();
  assert.equal(await dialog.locator('h2').textContent(), 'Delete Esha Khan?');
  assert.match(await page.getByTestId('delete-what').textContent(), /Esha Khan \(esha@acme\.in, extension 14\) will be removed from this account\. Extension 14 and the email address become free/);
  assert.match(await dialog.textContent(), /This cannot be undone/);
  assert.equal(await focused(page), 'delete-cancel'); // the safe choice has focus
  // Focus stays inside: Tab from the last control wraps to the first.
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'dialog-close');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await focused(page), 'delete-cancel');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await focused(page), 'menu-u5');
  assert.equal(await page.getByTestId('user-row-u5').count(), 1);

  menu = await openMenu(page, 'u5');
  await menu.locator('[data-action=delete]').click();
  await page.getByTestId('delete-confirm').click();
  assert.equal(await statusText(page, /deleted/), 'Esha Khan was deleted.');
  assert.equal(await page.getByTestId('user-row-u5').count(), 0);
  assert.equal(await page.getByTestId('usage-users').getAttribute('data-used'), '5');
  assert.deepEqual(errors, []);
  await close();
});

test("a refused action stays focusable, with the engine's reason inside the item", async () => {
  const { page, errors, close } = await open(env);
  const node = engine();
  const menu = await openMenu(page, 'u4'); // Dev Patel is in Support: cannot be deleted
  const del = menu.locator('[data-action=delete]');
  assert.equal(await del.getAttribute('aria-disabled'), 'true');
  const refused = node.check({ type: 'deleteUser', actor: 'u1', target: 'u4' });
  assert.equal(await del.locator('.reason').getAttribute('data-code'), refused.violations[0].code);
  assert.equal((await del.locator('.reason').textContent()).trim(), said(refused));
  // The reason is part of what a screen reader reads for the item.
  const name = await del.evaluate((el) => el.textContent);
  assert.ok(name.includes(refused.violations[0].message), name);
  await page.keyboard.press('End');
  assert.equal(await focused(page), 'delete');
  await page.keyboard.press('Enter'); // nothing happens; the menu stays with its reason
  assert.equal(await menuOpen(page), true);
  assert.equal(await page.getByTestId('delete-dialog').count(), 0);
  await page.keyboard.press('Escape');
  // One's own record: no deactivating or deleting oneself.
  const own = await openMenu(page, 'u1');
  const selfRefused = node.check({ type: 'deactivateUser', actor: 'u1', target: 'u1' });
  assert.equal(await own.locator('[data-action=deactivate] .reason').getAttribute('data-code'), selfRefused.violations[0].code);
  assert.equal((await own.locator('[data-action=deactivate] .reason').textContent()).trim(), said(selfRefused));
  await page.keyboard.press('Escape');
  assert.deepEqual(errors, []);
  await close();
});

test('resend invite (pending users only) and password reset', async () => {
  const { page, errors, close } = await open(env);
  let menu = await openMenu(page, 'u4');
  assert.equal(await menu.locator('[data-action=resendInvite]').count(), 0); // Dev is active
  await menu.locator('[data-action=resetPassword]').click();
  assert.equal(await statusText(page, /reset/), 'A password reset link was sent to dev@acme.in.');
  menu = await openMenu(page, 'u6');
  await menu.locator('[data-action=resendInvite]').click();
  assert.equal(await statusText(page, /invitation/), 'The invitation was sent to farah@acme.in again.');
  // A call-only agent cannot ask for someone else's reset: the engine's reason, in the item.
  await actAs(page, 'u4');
  menu = await openMenu(page, 'u6');
  const reset = menu.locator('[data-action=resetPassword]');
  assert.equal(await reset.getAttribute('aria-disabled'), 'true');
  const refused = engine().check({ type: 'passwordReset', fromEmail: 'dev@acme.in', target: 'u6' });
  assert.equal((await reset.locator('.reason').textContent()).trim(), said(refused));
  assert.equal(await menu.locator('[data-action=resendInvite]').getAttribute('aria-disabled'), 'true');
  await page.keyboard.press('Escape');
  assert.deepEqual(errors, []);
  await close();
});
