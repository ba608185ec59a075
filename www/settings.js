// Account settings: whether an identity provider (SSO) manages names and emails. That is
// host data, not a rule: the store rebuilds the engine from the account with or without
// `sso`, and the engine then says which fields are read-only and why. Shown only to
// someone the engine lets manage the account's structure (`manage_departments`), and only
// where the page keeps the account itself (the server's API has no op for settings).
import { h } from './dom.js';
import { t } from './i18n.js';
import { openDialog } from './dialog.js';
import { say } from './status.js';

export const SSO_FIELDS = ['name', 'email'];

export const maySeeSettings = (store) => store.settingsEditable && store.engine.can(store.actor, 'manage_departments');

export function openSettings(ctx, opener) {
  const { store } = ctx;
  const on = SSO_FIELDS.every((f) => store.account.sso?.managedFields?.includes(f));
  return openDialog({
    title: t('settings.title'), testId: 'settings-dialog', opener,
    build: ({ close }) => {
      const box = h('input', { type: 'checkbox', role: 'switch', id: 'sso-toggle', 'data-testid': 'sso-toggle', checked: on, 'aria-describedby': 'sso-help' });
      box.addEventListener('change', async () => {
        await store.setSso(box.checked ? SSO_FIELDS : null);
        ctx.render();
        say(t(box.checked ? 'done.ssoOn' : 'done.ssoOff'), 'ok');
      });
      return [
        h('label', { class: 'check-line switch' }, box, ` ${t('settings.sso')}`),
        h('p', { class: 'help', id: 'sso-help', text: t('settings.ssoHelp') }),
        h('div', { class: 'buttons' }, h('button', { type: 'button', class: 'secondary', onclick: close, text: t('dialog.close') })),
      ];
    },
  });
}
