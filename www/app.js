// The Users screen: boot, header (language, who is signed in), counters, toolbar and list.
// Every verdict, message and hint comes from the engine (through the store); this file lays
// the screen out and wires the parts together.
import { roleNames, permissionCodes } from '../pkg/js/browser.js';
import { h, byId } from './dom.js';
import { t, setLang, getLang, LANGUAGES, engineMessages, formatNumber } from './i18n.js';
import { openStore } from './store.js';
import { usage } from './usage.js';
import { UserList } from './list.js';
import { roleLabel, statusLabel, departmentName, planLabel } from './labels.js';
import { showRowMenu } from './actions.js';
import { openAdd, openEdit } from './userdialogs.js';
import { openImport } from './importer.js';
import { openSettings, maySeeSettings } from './settings.js';
import { openSignIn } from './signin.js';
import { say } from './status.js';
import './latency.js';

const LANG_KEY = 'roster.lang';

const ctx = {
  store: null,
  roles: [],
  permissionCodes: [],
  list: null,
  render: () => renderAll(),
  focusRow: (id) => (document.querySelector(`[data-testid="menu-${CSS.escape(id)}"]`) ?? byId('users-h')).focus(),
  signIn: () => signIn(),
};

// ---------------------------------------------------------------- words on the static page
function applyStatic() {
  document.documentElement.lang = getLang();
  document.title = t('page.title');
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
  for (const el of document.querySelectorAll('[data-i18n-aria-label]')) el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel));
  byId('lang-buttons').replaceChildren(...LANGUAGES.map(([code, name]) => h('button', {
    type: 'button', class: 'secondary small', lang: code, 'aria-pressed': String(code === getLang()),
    'data-testid': `lang-${code}`, onclick: () => switchLanguage(code),
  }, name)));
}

/** The language of the page's words and of the engine's messages (the same setMessages
 * any client uses); remembered across visits, and `<html lang>` follows it. */
async function switchLanguage(code) {
  setLang(code);
  localStorage.setItem(LANG_KEY, code);
  const table = await engineMessages(code);
  ctx.store.setMessages(table);
  applyStatic();
  renderAll();
  byId(`lang-buttons`).querySelector(`[lang="${code}"]`)?.focus();
  document.body.dataset.lang = code;
}

// ---------------------------------------------------------------- header: who is signed in
/** One user of each role to act as (the first active one), and the current one. */
function renderActor() {
  const { store } = ctx;
  const sel = byId('actor');
  const picks = [];
  for (const role of [...ctx.roles].reverse()) {
    const ofRole = store.account.users.filter((u) => u.role === role);
    const u = ofRole.find((x) => x.status === 'active') ?? ofRole[0];
    if (u) picks.push(u);
  }
  if (store.actor && !picks.some((u) => u.id === store.actor) && store.user(store.actor)) picks.push(store.user(store.actor));
  sel.replaceChildren(...picks.map((u) => h('option', { value: u.id, text: t('actor.option', { name: u.name, role: roleLabel(u.role) }) })));
  if (!store.actor || !store.user(store.actor)) store.actor = picks[0]?.id ?? null;
  sel.value = store.actor;
}

// ---------------------------------------------------------------- counters
function renderUsage() {
  const { store } = ctx;
  const u = usage(store.engine, store.account);
  const users = byId('usage-users');
  users.textContent = u.maxUsers != null
    ? t('usage.of', { used: formatNumber(u.users), limit: formatNumber(u.maxUsers) })
    : t('usage.unlimited', { used: formatNumber(u.users) });
  Object.assign(byId('usage-users-box').dataset, { used: u.users, limit: u.maxUsers ?? '', full: String(!!u.full) });
  byId('usage-plan').textContent = t('usage.plan', { plan: planLabel(u.plan) });
  byId('usage-pro').textContent = t('usage.of', { used: formatNumber(u.proUsed), limit: formatNumber(u.proSeats) });
  Object.assign(byId('usage-pro-box').dataset, { used: u.proUsed, limit: u.proSeats });
  return u;
}

// ---------------------------------------------------------------- toolbar
function renderToolbar(u) {
  const { store } = ctx;
  const engine = store.engine;
  // May this user add anyone at all, and is there room for one more? Both the engine's.
  let refusal = null;
  if (!engine.can(store.actor, 'add_users')) {
    refusal = engine.check({ type: 'addUser', actor: store.actor, user: {} }).violations.find((v) => v.severity === 'error');
  } else if (u.full) {
    refusal = u.full;
  }
  const reason = byId('add-reason');
  reason.hidden = !refusal;
  reason.dataset.code = refusal?.code ?? '';
  reason.replaceChildren(...(refusal ? [refusal.message, refusal.hint ? ` ${refusal.hint}` : ''] : []));
  for (const id of ['add-open', 'import-open']) {
    const b = byId(id);
    if (refusal) {
      b.setAttribute('aria-disabled', 'true');
      b.setAttribute('aria-describedby', 'add-reason');
    } else {
      b.removeAttribute('aria-disabled');
      b.removeAttribute('aria-describedby');
    }
  }
  byId('settings-open').hidden = !maySeeSettings(store);
  renderFilters();
}

function renderFilters() {
  const { store, list } = ctx;
  const opts = {
    role: [...ctx.roles].reverse().map((r) => [r, roleLabel(r)]),
    status: ['active', 'pending', 'deactivated'].map((s) => [s, statusLabel(s)]),
    department: [...(store.account.departments ?? []).map((d) => [d.id, d.name]), ['-', t('filter.noDepartment')]],
  };
  for (const [key, pairs] of Object.entries(opts)) {
    const sel = byId(`filter-${key}`);
    sel.replaceChildren(h('option', { value: '', text: t('filter.all') }), ...pairs.map(([v, text]) => h('option', { value: v, text })));
    sel.value = list.filters[key];
  }
  byId('filter-clear').hidden = !Object.values(list.filters).some(Boolean);
}

function setupToolbar() {
  const { list } = ctx;
  byId('search').addEventListener('input', (e) => {
    const t0 = performance.now();
    list.setFilter('query', e.target.value);
    byId('filter-clear').hidden = !Object.values(list.filters).some(Boolean);
    (window.searchTimes ??= []).push(performance.now() - t0);
  });
  for (const sel of document.querySelectorAll('[data-filter]')) {
    sel.addEventListener('change', () => {
      list.setFilter(sel.dataset.filter, sel.value);
      byId('filter-clear').hidden = !Object.values(list.filters).some(Boolean);
    });
  }
  byId('filter-clear').addEventListener('click', () => {
    for (const k of Object.keys(list.filters)) list.filters[k] = '';
    byId('search').value = '';
    list.page = 0;
    renderAll();
    byId('search').focus();
  });
  const blocked = (id) => byId(id).getAttribute('aria-disabled') === 'true';
  byId('add-open').addEventListener('click', (e) => {
    if (blocked('add-open')) return; // the reason is on screen beside it
    openAdd(ctx, e.currentTarget);
  });
  byId('import-open').addEventListener('click', (e) => {
    if (blocked('import-open')) return;
    openImport(ctx, e.currentTarget);
  });
  byId('settings-open').addEventListener('click', (e) => openSettings(ctx, e.currentTarget));
  byId('page-prev').addEventListener('click', () => { list.page--; list.render(); if (byId('page-prev').disabled) byId('page-next').focus(); });
  byId('page-next').addEventListener('click', () => { list.page++; list.render(); if (byId('page-next').disabled) byId('page-prev').focus(); });
  byId('status-dismiss').addEventListener('click', () => { say(''); byId('users-h').focus(); });
  byId('actor').addEventListener('change', async (e) => {
    try {
      await ctx.store.signIn(e.target.value);
    } catch (err) {
      say(t('signin.failed', { status: err.status ?? err.message }), 'error');
    }
    renderAll();
  });
}

// ---------------------------------------------------------------- everything
function renderAll() {
  const { store } = ctx;
  if (!store.engine) return;
  renderActor();
  const u = renderUsage();
  renderToolbar(u);
  ctx.list.render();
}

async function signIn() {
  const ok = await openSignIn(ctx);
  if (ok) renderAll();
  return ok;
}

async function main() {
  setLang(localStorage.getItem(LANG_KEY) ?? 'en');
  applyStatic();
  try {
    ctx.store = await openStore();
    ctx.roles = roleNames();
    ctx.permissionCodes = permissionCodes();
    ctx.store.messages = await engineMessages(getLang());
    if (ctx.store.engine && ctx.store.messages) ctx.store.setMessages(ctx.store.messages);
    window.engineBuildMs = ctx.store.engineBuildMs;
    document.body.dataset.mode = ctx.store.mode;
    document.body.dataset.lang = getLang();
    ctx.list = new UserList({
      store: ctx.store, roleLabel, statusLabel,
      departmentName: (id) => departmentName(ctx.store, id),
      onOpen: (id, opener) => openEdit(ctx, id, opener),
      onMenu: (id, button, start) => showRowMenu(ctx, id, button, start),
    });
    // Whatever changed the account (an op, a re-fetch after someone else wrote, a setting):
    // the screen follows.
    ctx.store.onChange(() => renderAll());
    setupToolbar();
    byId('tz-list').replaceChildren(...(Intl.supportedValuesOf?.('timeZone') ?? []).map((z) => h('option', { value: z })));
    byId('loading').hidden = true;
    byId('screen').hidden = false;
    if (ctx.store.mode === 'server' && !ctx.store.signedIn) {
      while (!(await signIn())) { /* the page is of no use signed out: ask again */ }
    }
    renderAll();
    say('');
    document.body.dataset.ready = 'true';
  } catch (e) {
    byId('loading').hidden = false;
    byId('loading').textContent = t('page.failed', { error: e.message ?? e });
    console.error(e);
    throw e;
  }
}
main();
