// Encrypted key backup (Electron): main encrypts the key with the passphrase typed here and asks
// where to save it; a restore reads such a file in main. The renderer never sees the key. In the
// browser the key cannot be read by anyone, so there is no backup: rotation is the remedy.
import { useId, useState } from 'react';
import { MIN_PASSPHRASE_CHARS, type KeyBackupResult, type KeyResult, type KeyRestoreResult } from '../../../shared/platform/contract';
import { useT } from '../../i18n';
import { platform } from '../../platform';
import './keys.css';
import { ConfirmBox } from './ConfirmBox';

type Props = { unitId: string; onRestored(key: KeyResult): void };
type Outcome = { kind: 'export'; r: KeyBackupResult } | { kind: 'restore'; r: KeyRestoreResult };

export function KeyBackup({ unitId, onRestored }: Props) {
  const t = useT();
  const id = useId();
  const [pass, setPass] = useState('');
  const [again, setAgain] = useState('');
  const [confirmRestore, setConfirmRestore] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const { exportKeyBackup, restoreKeyBackup } = platform;

  if (!exportKeyBackup || !restoreKeyBackup) {
    return (
      <div className="key-section" role="region" aria-labelledby={`${id}-h`}>
        <h3 id={`${id}-h`}>{t('ownKey.backup.title')}</h3>
        <p className="warning">{t('ownKey.backup.browser')}</p>
      </div>
    );
  }
  const short = [...pass.normalize('NFC')].length < MIN_PASSPHRASE_CHARS;

  const doExport = async () => {
    setBusy(true);
    const r = await exportKeyBackup({ unitId, passphrase: pass });
    setBusy(false);
    setOutcome({ kind: 'export', r });
    if (r.ok) { setPass(''); setAgain(''); }
  };
  const doRestore = async () => {
    setBusy(true);
    setConfirmRestore(false);
    const r = await restoreKeyBackup({ unitId, passphrase: pass });
    setBusy(false);
    setOutcome({ kind: 'restore', r });
    if (r.ok) { setPass(''); setAgain(''); onRestored({ ok: true, key: r.key }); }
  };

  return (
    <div className="key-section" role="region" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('ownKey.backup.title')}</h3>
      <p className="muted">{t('ownKey.backup.intro', { min: MIN_PASSPHRASE_CHARS })}</p>
      <div className="passphrase-form">
        <label htmlFor={`${id}-p`}>{t('ownKey.passphrase')}</label>
        <input id={`${id}-p`} type="password" autoComplete="new-password" value={pass} onChange={(e) => setPass(e.target.value)} />
        <label htmlFor={`${id}-a`}>{t('ownKey.passphraseAgainExport')}</label>
        <input id={`${id}-a`} type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} />
      </div>
      {again !== '' && again !== pass && <p className="warning">{t('ownKey.passphraseMismatch')}</p>}
      <div className="key-actions">
        <button type="button" disabled={busy || short || again !== pass} onClick={() => void doExport()}>{t('ownKey.backup.export')}</button>
        <button type="button" disabled={busy || short} onClick={() => setConfirmRestore(true)}>{t('ownKey.backup.restore')}</button>
      </div>
      {confirmRestore && (
        <ConfirmBox question={t('ownKey.backup.restoreConfirm')} go={t('ownKey.backup.restoreGo')} onGo={() => void doRestore()} onCancel={() => setConfirmRestore(false)} />
      )}
      {busy && <p role="status" className="muted">{t('ownKey.backup.working')}</p>}
      {outcome?.r.ok && <p role="status" className="ok-text">{outcome.kind === 'export' ? t('ownKey.backup.exported', { file: outcome.r.ok ? outcome.r.fileName : '' }) : t('ownKey.backup.restored')}</p>}
      {outcome && !outcome.r.ok && outcome.r.reason !== 'cancelled' && (
        <p role="alert" className="error">{t(`ownKey.backup.error.${outcome.r.reason}`)}</p>
      )}
    </div>
  );
}
