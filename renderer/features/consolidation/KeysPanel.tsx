// Keys: the signing keys of files held for an unknown key, each accepted by the officer after
// comparing its fingerprint over the phone (an explicit, audited act), then the held files are
// verified again. Below, the keys already trusted.
import { useState } from 'react';
import { formatFingerprint } from '../../../shared/crypto/hash';
import type { PlanDocument } from '../../../shared/model/plan';
import { sanitizeForDisplay, trustErrorMessage } from '../../../shared/packages';
import { useDb } from '../../db/context';
import type { ReceivedPackageRecord } from '../../db/records';
import { useT } from '../../i18n';
import { useUi } from '../../state';
import { keysPayloadOf } from '../keys/keysIntake';
import { PendingKeyRow, type PendingKey } from '../keys/PendingKeyRow';
import { TrustedKeys } from '../keys/TrustedKeys';
import { trustRepo } from '../keys/trustRepo';
import { recheckHeld } from './importer';
import { scopeOf } from './ImportPanel';
import { usePendingKeys, useTrustRows } from './receivedRepo';
import { verifyBatch } from './verifyBatch';

type Pending = PendingKey;

function pendingOf(rows: readonly ReceivedPackageRecord[]): Pending[] {
  const byKey = new Map<string, Pending>();
  for (const r of rows) {
    if (!r.keyId || !r.unitId || !r.publicKey) continue;
    const p = byKey.get(r.keyId);
    if (p) p.files += 1;
    else {
      // An enrolment names its own validFrom; any other file's key is valid from when it is trusted.
      const enrolment = r.kind === 'keys' ? keysPayloadOf(r.bytes) : null;
      const validFrom = enrolment && !enrolment.replaces && enrolment.publicKey === r.publicKey ? enrolment.validFrom : null;
      byKey.set(r.keyId, { keyId: r.keyId, unitId: r.unitId, publicKey: r.publicKey, kind: r.kind, validFrom, files: 1 });
    }
  }
  return [...byKey.values()].sort((a, b) => (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0));
}

export function KeysPanel({ doc, name }: { doc: PlanDocument; name: (id: string) => string }) {
  const t = useT();
  const db = useDb();
  const held = usePendingKeys();
  const trusted = useTrustRows();
  const lang = useUi((s) => s.lang);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const accept = async (p: Pending, typed: string | null) => {
    setBusy(true);
    const unit = name(p.unitId);
    const r = await trustRepo.enrol(db, {
      unitId: p.unitId, publicKey: p.publicKey, keyId: p.keyId, validFrom: p.validFrom, typed,
      source: p.kind === 'keys' ? 'enrolment' : 'manual', how: `fingerprint ${formatFingerprint(p.keyId)} compared by phone`,
    });
    if (!r.ok) { setMessage(t('cons.keys.failed', { error: trustErrorMessage(r.error, lang) })); setBusy(false); return; }
    const { replaceImportLine } = useUi.getState();
    await recheckHeld(db, scopeOf(doc), verifyBatch, { onProgress: () => undefined, onLine: replaceImportLine });
    setMessage(t('cons.keys.accepted', { unit }));
    setBusy(false);
  };

  const pending = pendingOf(held ?? []);
  return (
    <section aria-labelledby="keys-title">
      <h2 id="keys-title">{t('cons.keys.title')}</h2>
      <p className="muted">{t('cons.keys.intro')}</p>
      {message && <p role="status" className="summary">{message}</p>}
      {pending.length === 0 ? <p>{t('cons.keys.none')}</p> : (
        <table className="grid" aria-label={t('cons.keys.title')}>
          <thead><tr><th scope="col">{t('cons.keys.unit')}</th><th scope="col">{t('cons.keys.fingerprint')}</th><th scope="col">{t('trust.pending.typed')}</th><th scope="col">{t('cons.keys.files')}</th><th scope="col"><span className="visually-hidden">{t('cons.keys.accept', { unit: '' })}</span></th></tr></thead>
          <tbody>
            {pending.map((p) => <PendingKeyRow key={p.keyId} p={p} unitName={sanitizeForDisplay(name(p.unitId))} busy={busy} onAccept={(x, typed) => void accept(x, typed)} />)}
          </tbody>
        </table>
      )}
      <h3>{t('cons.keys.trusted')}</h3>
      <p className="muted">{t('trust.intro')}</p>
      <TrustedKeys rows={trusted ?? []} name={name} />
    </section>
  );
}
