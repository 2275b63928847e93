/** The request's author headers, with presets the lessons use. */
import { useT } from '../i18n/use-t.ts';
import { labStore, useLab } from '../store/use-lab.ts';

const PRESETS: Record<string, { name: string; value: string }> = {
  'X-Custom-Header: 1': { name: 'X-Custom-Header', value: '1' },
  'x-csrftoken: abc123': { name: 'x-csrftoken', value: 'abc123' },
  'Content-Type: application/json': { name: 'Content-Type', value: 'application/json' },
  'Content-Type: text/plain': { name: 'Content-Type', value: 'text/plain' },
  'Content-Type: application/x-www-form-urlencoded': { name: 'Content-Type', value: 'application/x-www-form-urlencoded' },
  'Authorization: Bearer token123': { name: 'Authorization', value: 'Bearer token123' },
  'If-Match: "v1"': { name: 'If-Match', value: '"v1"' },
};

export function HeaderRows() {
  const rows = useLab((s) => s.request.headers);
  const { setHeaderRow, removeHeaderRow, addHeaderRow } = labStore.getState();
  const t = useT();
  return (
    <fieldset className="field headers">
      <legend className="label">{t('headers.legend')}</legend>
      {rows.map((row, i) => (
        <div className="header-row" key={i}>
          <input aria-label={t('headers.name', { n: i + 1 })} placeholder={t('headers.namePlaceholder')} value={row.name} spellCheck={false} onChange={(e) => setHeaderRow(i, { ...row, name: e.target.value })} />
          <input aria-label={t('headers.value', { n: i + 1 })} placeholder={t('headers.valuePlaceholder')} value={row.value} spellCheck={false} onChange={(e) => setHeaderRow(i, { ...row, value: e.target.value })} />
          <button type="button" className="icon" aria-label={t('headers.remove', { n: i + 1 })} onClick={() => removeHeaderRow(i)}>×</button>
        </div>
      ))}
      <div className="header-actions">
        <button type="button" onClick={() => addHeaderRow()}>{t('headers.add')}</button>
        <select
          aria-label={t('headers.addPreset')}
          value=""
          onChange={(e) => {
            const preset = PRESETS[e.target.value];
            if (preset) addHeaderRow(preset);
          }}
        >
          <option value="">{t('headers.preset')}</option>
          {Object.keys(PRESETS).map((k) => <option key={k} value={k}>{k}</option>)}
        </select>
      </div>
    </fieldset>
  );
}
