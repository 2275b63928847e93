/** The top bar's switch for presenter mode: large type and high contrast for a projector, and the sequence diagram. */
import { useLayoutEffect } from 'react';
import { useT } from '../i18n/use-t.ts';
import { labStore, useLab } from '../store/use-lab.ts';
import '../devtools.css';

export function PresenterToggle() {
  const on = useLab((s) => s.presenter);
  const t = useT();
  // On <html>, before the browser paints: rem sizes follow, and a kept mode shows from the first frame.
  useLayoutEffect(() => {
    document.documentElement.classList.toggle('presenter', on);
  }, [on]);
  return (
    <button type="button" className="presenter-toggle" aria-pressed={on} onClick={() => labStore.getState().setPresenter(!on)}>
      {t('presenter.toggle')}
    </button>
  );
}
