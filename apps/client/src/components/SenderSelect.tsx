/** Where the request is sent from (lesson 12): this page, a page on another origin, or a sandboxed iframe. */
import { useId } from 'react';
import { useT } from '../i18n/use-t.ts';
import { SANDBOX } from '../api/frame-sender.ts';
import { urlVars } from '../api/lab-session.ts';
import { labStore, useLab } from '../store/use-lab.ts';

const PAGE = '';

export function SenderSelect() {
  const from = useLab((s) => s.request.from);
  const api = useLab((s) => s.request.api);
  const { setRequest } = labStore.getState();
  const id = useId();
  const t = useT();
  const vars = urlVars();
  // A script tag is always sent from this page (see toLabRequest).
  if (api === 'script') return null;
  const others = [vars.attacker, vars.partner, vars.evil].filter((o): o is string => o !== undefined);
  // A state or preset may name an origin the list does not offer: show it rather than hide it.
  const options = from !== undefined && from !== SANDBOX && !others.includes(from) ? [...others, from] : others;
  return (
    <div className="field">
      <label className="label" htmlFor={id}>{t('request.from')}</label>
      <select id={id} value={from ?? PAGE} onChange={(e) => setRequest({ from: e.target.value === PAGE ? undefined : e.target.value })}>
        <option value={PAGE}>{t('request.from.page', { origin: location.origin })}</option>
        {options.map((o) => (
          <option key={o} value={o}>{t('request.from.other', { origin: o })}</option>
        ))}
        <option value={SANDBOX}>{t('request.from.sandbox')}</option>
      </select>
    </div>
  );
}
