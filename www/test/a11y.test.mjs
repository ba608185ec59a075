// axe-core on the main views (list, add form, edit form, row menu, delete confirmation),
// on a laptop and a phone, in English and Hindi: no serious or critical violation. Each
// view is also a screenshot in www/screenshots/ (gitignored): <viewport>-<lang>-<view>.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, axe, shot, VIEWPORTS, openMenu } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.stop(); });

/** The views, each reached from the list and left again; `page` starts on the list. */
const VIEWS = {
  list: async () => {},
  'add-form': async (page) => {
    await page.getByTestId('add-open').click();
    await page.getByTestId('add-dialog').waitFor();
    // With messages on screen: a clash as typed, and a submit with fields missing.
    await page.locator('#add-extension').pressSequentially('14');
    await page.locator('#add-schedule').fill('Mon-Fri 9:30 am to 6 pm; Sat 10am-2pm');
    await page.getByTestId('add-submit').click();
  },
  'edit-form': async (page) => {
    await page.getByTestId('open-u2').click(); // Bala: a panel login, so every group is open
    await page.getByTestId('edit-dialog').waitFor();
    await page.locator('#edit-webLogin-allowedIps').fill('203.0.113.0/24\n300.1.1.1');
    await page.locator('#edit-schedule').fill('Mon-Fri 9-6');
    await page.locator('#edit-name').focus();
  },
  'row-menu': async (page) => { await openMenu(page, 'u4'); },
  'delete-confirm': async (page) => {
    const menu = await openMenu(page, 'u5');
    await menu.locator('[data-action=delete]').click();
    await page.getByTestId('delete-dialog').waitFor();
  },
};

for (const [vpName, viewport] of Object.entries(VIEWPORTS)) {
  for (const lang of ['en', 'hi']) {
    test(`axe: no serious or critical violation — ${vpName}, ${lang}`, async () => {
      const { page, errors, close } = await open(env, { viewport, lang });
      const found = {};
      for (const [view, reach] of Object.entries(VIEWS)) {
        await reach(page);
        await page.screenshot({ path: shot(`${vpName}-${lang}-${view}`), fullPage: view === 'list' });
        const v = await axe(page);
        if (v.length) found[view] = v;
        await page.keyboard.press('Escape');
        await page.waitForFunction(() => !document.querySelector('dialog[open], [role=menu]'));
      }
      assert.deepEqual(found, {});
      assert.deepEqual(errors, []);
      await close();
    });
  }
}
