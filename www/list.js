// The users list: search (name, email, mobile, extension), filters (role, status,
// department), pages of 50 rows. Searching and paging are display, not rules: nothing here
// decides what a user may do (the row menu asks the engine when it opens).
import { h, byId } from './dom.js';
import { t, formatNumber } from './i18n.js';

export const PAGE_SIZE = 50;

// The lower-cased text a query is looked for in, and the mobile's digits (a query typed as
// "98000 00004" or "+91 98000..." finds "+919800000004"), built once per user object: the
// engine hands out new objects after every change, so the cache follows by itself.
const haystacks = new WeakMap();
function haystack(u) {
  let s = haystacks.get(u);
  if (!s) {
    s = { text: `${u.name}\n${u.email}\n${u.extension}\n${u.mobile}`.toLowerCase(), digits: u.mobile.replace(/\D/g, '') };
    haystacks.set(u, s);
  }
  return s;
}

/** The users that match `query` and the filters, in account order. Pure: tested in Node too. */
export function filterUsers(users, { query = '', role = '', status = '', department = '' } = {}) {
  const q = query.trim().toLowerCase();
  const qDigits = q.replace(/[\s\-().+]/g, '');
  const digitsOnly = /^\d{3,}$/.test(qDigits);
  return users.filter((u) => {
    if (role && u.role !== role) return false;
    if (status && u.status !== status) return false;
    if (department === '-' ? u.departments.length > 0 : department && !u.departments.includes(department)) return false;
    if (!q) return true;
    const s = haystack(u);
    return s.text.includes(q) || (digitsOnly && s.digits.includes(qDigits));
  });
}

export class UserList {
  /** `hooks`: { store, roleLabel, statusLabel, departmentName, onOpen(id, opener), onMenu(id, button) } */
  constructor(hooks) {
    this.hooks = hooks;
    this.filters = { query: '', role: '', status: '', department: '' };
    this.page = 0;
    this.matches = [];
  }

  setFilter(key, value) {
    this.filters[key] = value;
    this.page = 0;
    this.render();
  }

  /** Shows the page holding user `id` (after an add, the new user is on screen). */
  reveal(id) {
    const i = this.matches.findIndex((u) => u.id === id);
    if (i >= 0) this.page = Math.floor(i / PAGE_SIZE);
  }

  render() {
    const { store } = this.hooks;
    this.matches = filterUsers(store.account.users, this.filters);
    const pages = Math.max(1, Math.ceil(this.matches.length / PAGE_SIZE));
    this.page = Math.min(this.page, pages - 1);
    const from = this.page * PAGE_SIZE;
    const shown = this.matches.slice(from, from + PAGE_SIZE);
    byId('users-body').replaceChildren(...shown.map((u) => this.row(u)));
    byId('users-empty').hidden = shown.length > 0;
    const range = byId('users-range');
    range.textContent = this.matches.length
      ? t('list.range', { from: formatNumber(from + 1), to: formatNumber(from + shown.length), total: formatNumber(this.matches.length) })
      : '';
    range.dataset.total = String(this.matches.length);
    byId('page-label').textContent = t('list.page', { page: formatNumber(this.page + 1), pages: formatNumber(pages) });
    byId('page-prev').disabled = this.page === 0;
    byId('page-next').disabled = this.page >= pages - 1;
  }

  row(u) {
    const { store, roleLabel, statusLabel, departmentName, onOpen, onMenu } = this.hooks;
    const you = u.id === store.actor;
    const depts = u.departments.map(departmentName);
    const open = h('button', {
      type: 'button', class: 'linkish', 'data-testid': `open-${u.id}`,
      onclick: (e) => onOpen(u.id, e.currentTarget),
    }, u.name);
    const menu = h('button', {
      type: 'button', class: 'kebab', 'aria-haspopup': 'menu', 'aria-expanded': 'false',
      'aria-label': t('menu.open', { name: u.name }), 'data-testid': `menu-${u.id}`, 'data-user': u.id,
    }, h('span', { 'aria-hidden': 'true', text: '⋮' }));
    menu.addEventListener('click', () => onMenu(u.id, menu, 'first'));
    menu.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        onMenu(u.id, menu, e.key === 'ArrowUp' ? 'last' : 'first');
      }
    });
    return h('tr', { 'data-id': u.id, 'data-testid': `user-row-${u.id}`, 'data-status': u.status, 'data-role': u.role },
      h('td', { class: 'who', 'data-label': t('col.user') },
        open, you ? h('span', { class: 'you', text: ` (${t('list.you')})` }) : null,
        h('div', { class: 'muted small-text email', text: u.email })),
      h('td', { 'data-label': t('col.mobile'), class: 'mono', text: u.mobile }),
      h('td', { 'data-label': t('col.extension'), class: 'mono', text: u.extension }),
      h('td', { 'data-label': t('col.role') }, roleLabel(u.role), ' ',
        h('span', { class: `badge ${u.pro ? 'pro' : 'call'}`, text: t(u.pro ? 'badge.pro' : 'badge.callOnly') })),
      h('td', { 'data-label': t('col.departments'), text: depts.join(', ') || '—' }),
      h('td', { 'data-label': t('col.status') }, h('span', { class: `pill ${u.status}`, text: statusLabel(u.status) })),
      h('td', { class: 'actions' }, menu));
  }
}
