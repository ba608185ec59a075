// The page served with the API of issue 18 (www/test/fake-api.mjs stands in for server/):
// it signs in, sends each op to the server, follows the server's answers and ids, and
// fetches the account again only when someone else wrote in between.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, sample, engine, statusText, openEdit, actAs } from './helpers.mjs';
import { fakeApi } from './fake-api.mjs';

let env;
let api;
before(async () => {
  api = fakeApi(sample());
  env = await setup({ server: await api.listen() });
});
after(async () => { await env?.stop(); });

const ops = () => api.log.filter((e) => e.path.endsWith('/ops'));
const accountGets = () => api.log.filter((e) => e.method === 'GET' && e.path === '/api/accounts/acme').length;

/** Opens the page in a fresh browser context and signs in through the chooser. */
async function signedIn(userId) {
  const opened = await open(env, { ready: false });
  await opened.page.getByTestId('signin-dialog').waitFor();
  await opened.page.selectOption('[data-testid=signin-user]', userId);
  await opened.page.getByTestId('signin-submit').click();
  await opened.page.waitForSelector('body[data-ready=true]');
  return opened;
}

async function addUser(page, { name, email, mobile, extension }) {
  await page.getByTestId('add-open').click();
  await page.locator('#add-name').fill(name);
  await page.locator('#add-email').fill(email);
  await page.locator('#add-mobile').fill(mobile);
  await page.locator('#add-extension').fill(extension);
  await page.locator('#add-departments input[value=sales]').check();
  await page.getByTestId('add-submit').click();
}

test('server mode: sign in, add through the API, survive a reload, follow other writers', async () => {
  // Nobody is signed in: the sign-in chooser first.
  const { page, errors, close } = await signedIn('u1');
  assert.equal(await page.evaluate(() => document.body.dataset.mode), 'server');
  assert.equal(await page.locator('#actor').inputValue(), 'u1');

  // One op per action, no id chosen by the page; no re-fetch when nobody else wrote: the
  // same op on the page's engine gave the server's answer.
  const gets = accountGets();
  await addUser(page, { name: 'Gita Nair', email: 'gita@acme.in', mobile: '98000 00007', extension: '16' });
  assert.equal(await statusText(page, /Gita/), 'Gita Nair was added and invited.');
  assert.deepEqual(ops().map((e) => [e.op.type, e.op.actor, e.op.user.id ?? null, e.status]), [['addUser', 'u1', null, 200]]);
  const gita = api.account().users.find((u) => u.name === 'Gita Nair').id;
  assert.equal(await page.getByTestId(`user-row-${gita}`).count(), 1);
  assert.equal(accountGets(), gets);

  // A server that gives ids of its own: the page's answer differs, so it fetches the account.
  api.serverIds = true;
  await addUser(page, { name: 'Jai Menon', email: 'jai@acme.in', mobile: '98000 00023', extension: '19' });
  await statusText(page, /Jai/);
  api.serverIds = false;
  assert.equal(accountGets(), gets + 1);
  assert.equal(await page.getByTestId('user-row-s1').count(), 1);

  // A reload keeps the signed-in user and the added users (the server has them).
  await page.reload();
  await page.waitForSelector('body[data-ready=true]');
  assert.equal(await page.getByTestId('signin-dialog').count(), 0);
  assert.equal(await page.getByTestId(`user-row-${gita}`).count(), 1);
  assert.equal(await page.getByTestId('user-row-s1').count(), 1);

  // Someone else takes extension 17 behind the page's back. The page's engine still thinks it
  // free, the server refuses (422, nothing written), and the page fetches the account again
  // and says why at the field, in the engine's words.
  api.write({ type: 'addUser', actor: 'u1', user: { name: 'Hari Das', email: 'hari@acme.in', mobile: '9800000021', extension: '17', departments: ['sales'] } });
  await addUser(page, { name: 'Indu Roy', email: 'indu@acme.in', mobile: '98000 00022', extension: '17' });
  await page.waitForFunction(() => document.querySelector('[data-testid=add-extension-msg]')?.dataset.code === 'extension_taken');
  assert.equal(ops().at(-1).status, 422);
  const hari = api.account().users.find((u) => u.name === 'Hari Das').id;
  assert.equal(await page.getByTestId(`user-row-${hari}`).count(), 1); // fetched
  const node = engine(api.account());
  const expected = node.checkField('extension', '17');
  assert.equal(await page.getByTestId('add-extension-msg').locator('.m').textContent(), expected.violations[0].message);
  await page.locator('#add-extension').fill('18');
  await page.getByTestId('add-submit').click();
  assert.equal(await statusText(page, /Indu/), 'Indu Roy was added and invited.');

  // A 200 whose version is not the next one (another write in between): fetched again.
  api.write({ type: 'editUser', actor: 'u1', target: 'u6', patch: { name: 'Farah Ali Khan' } });
  const before = accountGets();
  const menu = page.getByTestId('menu-u5');
  await menu.click();
  await page.getByTestId('row-menu').locator('[data-action=reactivate]').click();
  await statusText(page, /reactivated/);
  assert.equal(accountGets(), before + 1);
  assert.match(await page.getByTestId('user-row-u6').textContent(), /Farah Ali Khan/);
  assert.deepEqual(errors, []);
  await close();
});

test('server mode: the replace plan is one op; switching user signs in again', async () => {
  // The plan is full after the first test (10 of 10): make room for the replacement.
  assert.equal(api.write({ type: 'deleteUser', actor: 'u1', target: 'u5' })[0], 200);
  const { page, errors, close } = await signedIn('u1');
  const sent = ops().length;
  await openEdit(page, 'u4');
  await page.getByTestId('replace').locator('summary').click();
  await page.locator('#replace-mobile').fill('98000 00099');
  await page.getByTestId('replace-run').click();
  await statusText(page, /mobile number/);
  assert.deepEqual(ops().slice(sent).map((e) => [e.op.type, e.status]), [['replaceUser', 200]]);
  const added = api.account().users.find((u) => u.mobile === '+919800000099');
  assert.equal(await page.getByTestId(`user-row-${added.id}`).count(), 1);
  assert.equal(await page.getByTestId('user-row-u4').getAttribute('data-status'), 'deactivated');

  // "Signed in as" is the demo sign-in: choosing someone posts a new session.
  await actAs(page, 'u3');
  assert.equal(api.log.filter((e) => e.method === 'POST' && e.path === '/api/session').at(-1).userId, 'u3');
  // Account settings are the server's: not offered here, even to the owner.
  await actAs(page, 'u1');
  assert.equal(await page.getByTestId('settings-open').isHidden(), true);
  assert.deepEqual(errors, []);
  await close();
});
