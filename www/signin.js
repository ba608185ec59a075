// The sign-in chooser when the page is served by the server (issue 18) and nobody is signed
// in: `POST /api/session {userId}` is the demo sign-in a real host replaces with its own.
// Before sign-in the account cannot be read, so the choices are the sample account's users
// (the server seeds its demo account from the same file).
import { h } from './dom.js';
import { t } from './i18n.js';
import { openDialog } from './dialog.js';
import { sampleAccount } from './store.js';
import { roleLabel } from './labels.js';

export async function openSignIn(ctx) {
  const sample = await sampleAccount();
  return new Promise((resolve) => {
    openDialog({
      title: t('signin.title'), testId: 'signin-dialog',
      onClose: () => resolve(ctx.store.signedIn),
      build: ({ close }) => {
        const select = h('select', { id: 'signin-user', 'data-testid': 'signin-user' },
          sample.users.filter((u) => u.status !== 'deactivated').map((u) => h('option', { value: u.id, text: t('actor.option', { name: u.name, role: roleLabel(u.role) }) })));
        const msg = h('p', { class: 'msg error', 'aria-live': 'polite', 'data-testid': 'signin-msg' });
        const form = h('form', {},
          h('p', { text: t('signin.text') }),
          h('div', { class: 'field' }, h('label', { for: 'signin-user', text: t('signin.user') }), select),
          msg,
          h('div', { class: 'buttons' }, h('button', { type: 'submit', 'data-testid': 'signin-submit', text: t('signin.submit') })));
        form.addEventListener('submit', async (e) => {
          e.preventDefault();
          try {
            await ctx.store.signIn(select.value);
            close();
          } catch (err) {
            msg.textContent = t('signin.failed', { status: err.status ?? err.message });
          }
        });
        return [form];
      },
    });
  });
}
