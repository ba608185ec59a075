// What the page calls things: roles, statuses, departments and people by name, values in a
// sentence. Display only; the names come from the account, the words from i18n.js.
import { t, formatList } from './i18n.js';

export const roleLabel = (role) => (['owner', 'admin', 'manager', 'agent'].includes(role) ? t(`role.${role}`) : role);
export const roleDescription = (role) => (['owner', 'admin', 'manager', 'agent'].includes(role) ? t(`roleDesc.${role}`) : '');
export const statusLabel = (s) => (['active', 'pending', 'deactivated'].includes(s) ? t(`userStatus.${s}`) : s);
export const planLabel = (plan) => plan.charAt(0).toUpperCase() + plan.slice(1);

export function departmentName(store, id) {
  return store.account.departments?.find((d) => d.id === id)?.name ?? id;
}
export const userName = (store, id) => store.user(id)?.name ?? id;
export const formatNamesOf = (store, ids) => formatList(ids.map((id) => userName(store, id)));

/** A changed value in a status sentence: names for ids, words for roles and switches. */
export function valueText(store, field, v) {
  if (v == null || v === '' || (Array.isArray(v) && v.length === 0)) return t('value.none');
  switch (field) {
    case 'role': return roleLabel(v);
    case 'status': return statusLabel(v);
    case 'pro': case 'blocked': return t(v ? 'value.on' : 'value.off');
    case 'departments': return formatList(v.map((id) => departmentName(store, id)));
    case 'reportUsers': return formatList(v.map((id) => userName(store, id)));
    default: return Array.isArray(v) ? formatList(v.map(String)) : String(v);
  }
}
