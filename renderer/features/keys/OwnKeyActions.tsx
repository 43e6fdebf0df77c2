// Settings → Keys, below the fingerprint: save the enrolment package for the consolidating unit,
// rotate the key (a package signed by the old key names the new one), save the last package again.
import { useCallback, useEffect, useId, useState } from 'react';
import { formatFingerprint } from '../../../shared/crypto/hash';
import type { KeyResult } from '../../../shared/platform/contract';
import { useDb } from '../../db/context';
import { useT } from '../../i18n';
import { platform } from '../../platform';
import { platformSigner } from '../../platform/signer';
import { ownKeysRepo, rotateKey, saveAgain, saveEnrolment, type OwnKeysOutcome, type OwnKeysPackage } from './ownKeys';
import './keys.css';
import { ConfirmBox } from './ConfirmBox';

type Props = { unitId: string; onChanged(key: KeyResult): void };
type Message = { ok: boolean; text: string } | null;

export function OwnKeyActions({ unitId, onChanged }: Props) {
  const t = useT();
  const db = useDb();
  const id = useId();
  const [confirmRotate, setConfirmRotate] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const [last, setLast] = useState<OwnKeysPackage | null>(null);
  const loadLast = useCallback(() => { void ownKeysRepo.last(db, unitId).then(setLast); }, [db, unitId]);
  useEffect(loadLast, [loadLast]);
  const deps = { platform, signer: platformSigner };

  const report = (r: OwnKeysOutcome, done: (p: OwnKeysPackage) => string) => {
    if (r.ok) { setMessage({ ok: true, text: done(r.pkg) }); onChanged({ ok: true, key: r.key }); loadLast(); }
    else if (r.reason !== 'cancelled') setMessage({ ok: false, text: t(`ownKey.error.${r.reason}`) });
  };
  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setMessage(null);
    try { await fn(); } finally { setBusy(false); }
  };
  const enrol = () => run(async () => report(await saveEnrolment(db, unitId, deps), (p) => t('ownKey.enrol.saved', { file: p.fileName })));
  const rotate = () => run(async () => {
    setConfirmRotate(false);
    report(await rotateKey(db, unitId, deps), (p) => t('ownKey.rotate.done', { file: p.fileName, fingerprint: formatFingerprint(p.keyId) }));
  });
  const again = () => run(async () => {
    const r = await saveAgain(db, unitId, platform);
    if (r && r.ok) setMessage({ ok: true, text: t('ownKey.again.saved', { file: r.fileName }) });
  });

  return (
    <div className="key-section" role="region" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('ownKey.packages.title')}</h3>
      <p className="muted">{t('ownKey.packages.intro')}</p>
      <div className="key-actions">
        <button type="button" disabled={busy} onClick={() => void enrol()}>{t('ownKey.enrol.save')}</button>
        <button type="button" disabled={busy} onClick={() => setConfirmRotate(true)}>{t('ownKey.rotate.start')}</button>
        {last && <button type="button" disabled={busy} onClick={() => void again()}>{t(last.kind === 'rotation' ? 'ownKey.again.rotation' : 'ownKey.again.enrolment')}</button>}
      </div>
      {confirmRotate && (
        <ConfirmBox question={t('ownKey.rotate.confirm')} go={t('ownKey.rotate.go')} busy={busy} onGo={() => void rotate()} onCancel={() => setConfirmRotate(false)} />
      )}
      {message && <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'ok-text' : 'error'}>{message.text}</p>}
    </div>
  );
}
