// Keys: the signing keys of files held for an unknown key, and the new keys of rotations kept
// without the new key's signature, each accepted by the officer after comparing its fingerprint
// over the phone (an explicit, audited act; for a rotation, accepting applies it), then the held
// files are verified again. A rotation may be refused instead, after a confirmation that says what
// follows (the old key stays trusted, the package is kept as evidence): keys/refuseRotation.ts.
// Below, the keys already trusted.
import { useState } from 'react';
import { formatFingerprint } from '../../../shared/crypto/hash';
import type { PlanDocument } from '../../../shared/model/plan';
import { sanitizeForDisplay, trustErrorMessage } from '../../../shared/packages';
import { useDb } from '../../db/context';
import { useT } from '../../i18n';
import { useUi } from '../../state';
import { acceptPending, keyOf, pendingOf, type PendingKey } from '../keys/pendingKeys';
import { PendingKeyRow } from '../keys/PendingKeyRow';
import { refuseRotation } from '../keys/refuseRotation';
import { TrustedKeys } from '../keys/TrustedKeys';
import { useUnprovenRotations } from '../keys/unprovenRotations';
import { formatInstantVi } from './format';
import { recheckHeld } from './importer';
import { scopeOf } from './ImportPanel';
import { usePendingKeys, useTrustRows } from './receivedRepo';
import { verifyBatch } from './verifyBatch';
import { ConfirmBox } from '../keys/ConfirmBox';

export function KeysPanel({ doc, name }: { doc: PlanDocument; name: (id: string) => string }) {
  const t = useT();
  const db = useDb();
  const held = usePendingKeys();
  const rotations = useUnprovenRotations();
  const trusted = useTrustRows();
  const lang = useUi((s) => s.lang);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [refusing, setRefusing] = useState<PendingKey | null>(null);

  const accept = async (p: PendingKey, typed: string | null) => {
    setBusy(true);
    const unit = name(p.unitId);
    const r = await acceptPending(db, p, typed, `fingerprint ${formatFingerprint(p.keyId)} compared by phone`);
    if (!r.ok) { setMessage({ ok: false, text: t('cons.keys.failed', { error: trustErrorMessage(r.error, lang) }) }); setBusy(false); return; }
    const { replaceImportLine } = useUi.getState();
    await recheckHeld(db, scopeOf(doc), verifyBatch, { onProgress: () => undefined, onLine: replaceImportLine });
    setMessage({ ok: true, text: p.rotation && p.validFrom
      ? t('trust.pending.rotationAccepted', { unit, date: formatInstantVi(p.validFrom) })
      : t('cons.keys.accepted', { unit }) });
    setBusy(false);
  };

  const refuse = async (p: PendingKey) => {
    setRefusing(null);
    setBusy(true);
    const r = await refuseRotation(db, { unitId: p.unitId, keyId: p.keyId, how: 'new key refused by the officer' });
    const unit = sanitizeForDisplay(name(p.unitId));
    setMessage(r.ok ? { ok: true, text: t('trust.pending.refused', { unit }) } : { ok: false, text: t('trust.pending.refuseFailed') });
    setBusy(false);
  };

  const pending = pendingOf(held ?? [], rotations ?? []);
  return (
    <section aria-labelledby="keys-title">
      <h2 id="keys-title">{t('cons.keys.title')}</h2>
      <p className="muted">{t('cons.keys.intro')}</p>
      {message && <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'summary' : 'error'}>{message.text}</p>}
      {refusing && (
        <ConfirmBox
          question={t('trust.pending.refuseConfirm', { unit: sanitizeForDisplay(name(refusing.unitId)), fingerprint: formatFingerprint(refusing.keyId) })}
          go={t('trust.pending.refuseGo')} onGo={() => void refuse(refusing)} onCancel={() => setRefusing(null)}
        />
      )}
      {pending.length === 0 ? <p>{t('cons.keys.none')}</p> : (
        <table className="grid" aria-label={t('cons.keys.title')}>
          <thead><tr><th scope="col">{t('cons.keys.unit')}</th><th scope="col">{t('cons.keys.fingerprint')}</th><th scope="col">{t('trust.pending.typed')}</th><th scope="col">{t('cons.keys.files')}</th><th scope="col"><span className="visually-hidden">{t('cons.keys.accept', { unit: '' })}</span></th></tr></thead>
          <tbody>
            {pending.map((p) => <PendingKeyRow key={keyOf(p.unitId, p.keyId)} p={p} unitName={sanitizeForDisplay(name(p.unitId))} busy={busy} onAccept={(x, typed) => void accept(x, typed)} onRefuse={setRefusing} />)}
          </tbody>
        </table>
      )}
      <h3>{t('cons.keys.trusted')}</h3>
      <p className="muted">{t('trust.intro')}</p>
      <TrustedKeys rows={trusted ?? []} name={name} />
    </section>
  );
}
