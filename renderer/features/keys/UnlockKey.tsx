// The passphrase fallback: where the OS keychain is missing or weak, the unit's key is sealed with
// a passphrase, which main keeps in memory until the app quits. This screen says why and asks for it.
import { useId, useState } from 'react';
import { MIN_PASSPHRASE_CHARS, type KeyResult, type KeyUnavailableDetail, type UnlockResult } from '../../../shared/platform/contract';
import { useT } from '../../i18n';
import { platform } from '../../platform';
import './keys.css';

type Props = { unitId: string; detail: KeyUnavailableDetail | null; creating: boolean; onUnlocked(key: KeyResult): void };

export function UnlockKey({ unitId, detail, creating, onUnlocked }: Props) {
  const t = useT();
  const id = useId();
  const [pass, setPass] = useState('');
  const [again, setAgain] = useState('');
  const [result, setResult] = useState<UnlockResult | null>(null);
  const [busy, setBusy] = useState(false);
  if (!platform.unlockUnitKey) return <p className="warning">{t('ownKey.unlock.unsupported')}</p>;
  const unlock = platform.unlockUnitKey;
  const short = [...pass.normalize('NFC')].length < MIN_PASSPHRASE_CHARS;
  const mismatch = creating && again !== pass;

  const submit = async () => {
    setBusy(true);
    const r = await unlock(unitId, pass);
    setBusy(false);
    setResult(r);
    if (r.ok) { setPass(''); setAgain(''); onUnlocked({ ok: true, key: r.key }); }
  };

  return (
    <div className="key-section" role="region" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t(creating ? 'ownKey.unlock.createTitle' : 'ownKey.unlock.title')}</h3>
      <p>{t(detail === 'os-keychain-weak' ? 'ownKey.unlock.whyWeak' : detail === 'passphrase-locked' || !creating ? 'ownKey.unlock.whyLocked' : 'ownKey.unlock.whyMissing')}</p>
      <p className="muted">{t('ownKey.unlock.session', { min: MIN_PASSPHRASE_CHARS })}</p>
      <form className="passphrase-form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <label htmlFor={`${id}-p`}>{t('ownKey.passphrase')}</label>
        <input id={`${id}-p`} type="password" autoComplete={creating ? 'new-password' : 'current-password'} value={pass} onChange={(e) => setPass(e.target.value)} />
        {creating && <label htmlFor={`${id}-a`}>{t('ownKey.passphraseAgain')}</label>}
        {creating && <input id={`${id}-a`} type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} />}
        <span />
        <button type="submit" className="primary" disabled={busy || short || mismatch}>{t(creating ? 'ownKey.unlock.create' : 'ownKey.unlock.submit')}</button>
      </form>
      {mismatch && again !== '' && <p className="warning">{t('ownKey.passphraseMismatch')}</p>}
      {result && !result.ok && <p role="alert" className="error">{t(`ownKey.unlock.${result.reason}`)}</p>}
      {result?.ok && <p role="status" className="ok-text">{t('ownKey.unlock.done')}</p>}
    </div>
  );
}
