// Import from a CSV file, all or nothing: the engine checks every row (`importUsers`) as soon
// as a file is chosen; its problems are listed by line, field and the engine's words; one
// click adds every row, or nothing is added.
import { h } from './dom.js';
import { t, tn, TABLES } from './i18n.js';
import { openDialog } from './dialog.js';
import { send } from './userdialogs.js';
import { say, describeImport } from './status.js';
import { formKey, fullText } from './userform.js';
import { EXAMPLE_CSV } from './example-csv.js';

const fieldLabel = (path) => {
  const key = formKey(path);
  return TABLES.en[`field.${key}`] ? t(`field.${key}`) : path;
};

export function openImport(ctx, opener) {
  let csv = null;
  let name = '';
  return openDialog({
    title: t('import.title'), testId: 'import-dialog', opener, wide: true,
    build: ({ close }) => {
      const summary = h('p', { id: 'import-summary', 'data-testid': 'import-summary', 'aria-live': 'polite', tabindex: '-1' });
      const body = h('tbody');
      const table = h('table', { id: 'import-errors', 'data-testid': 'import-errors', hidden: true },
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col', text: t('import.line') }),
          h('th', { scope: 'col', text: t('import.field') }),
          h('th', { scope: 'col', text: t('import.problem') }))),
        body);
      const apply = h('button', { type: 'button', id: 'import-apply', 'data-testid': 'import-apply', text: t('import.apply') });
      const file = h('input', { id: 'import-file', type: 'file', accept: '.csv,text/csv', 'data-testid': 'import-file' });

      const check = () => {
        if (csv == null) { table.hidden = true; summary.textContent = ''; return null; }
        const out = ctx.store.engine.check({ type: 'importUsers', actor: ctx.store.actor, csv });
        table.hidden = out.violations.length === 0;
        body.replaceChildren(...out.violations.map((v) => h('tr', { class: v.severity, 'data-row': v.row ?? '', 'data-code': v.code },
          h('td', { text: v.row != null ? String(v.row) : '—' }),
          h('td', { text: v.field ? fieldLabel(v.field) : '—' }),
          h('td', { text: fullText(v) }))));
        const errors = out.violations.filter((v) => v.severity === 'error').length;
        summary.dataset.kind = out.ok ? 'ok' : 'error';
        summary.dataset.errors = String(errors);
        summary.textContent = out.ok ? t('import.ok', { file: name }) : tn('import.bad', errors, { file: name });
        return out;
      };
      const load = (text, fileName) => { csv = text; name = fileName; check(); };

      file.addEventListener('change', async () => { if (file.files[0]) load(await file.files[0].text(), file.files[0].name); });
      apply.addEventListener('click', async () => {
        const out = check();
        if (!out?.ok) { summary.focus(); return; }
        const before = ctx.store.account.users.length;
        const done = await send(ctx, { type: 'importUsers', actor: ctx.store.actor, csv });
        if (!done) return;
        if (done.ok) {
          close();
          ctx.render();
          say(describeImport(ctx.store.account.users.length - before), 'ok');
        } else {
          check();
        }
      });
      return [
        h('p', { class: 'small-text', text: t('import.help') }),
        h('div', { class: 'field' }, h('label', { for: 'import-file', text: t('import.file') }), file),
        h('div', { class: 'buttons' },
          h('button', { type: 'button', class: 'secondary', 'data-testid': 'import-example', onclick: () => load(EXAMPLE_CSV, 'example.csv'), text: t('import.example') })),
        summary,
        h('div', { class: 'table-wrap' }, table),
        h('div', { class: 'buttons' }, apply,
          h('button', { type: 'button', class: 'secondary', onclick: close, text: t('dialog.cancel') })),
      ];
    },
  });
}
