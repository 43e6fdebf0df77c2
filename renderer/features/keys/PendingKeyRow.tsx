// One signing key waiting for the officer: its fingerprint, large, and a field to type the
// fingerprint the unit reads over the phone. Typed, it must match (the core compares, ignoring
// spaces, dashes and case); left empty, the button itself is the officer's confirmation. A rotation
// kept without the new key's signature shows the NEW key's fingerprint and the key it replaces, and
// may be refused instead (the unit did not make it): the panel then asks for confirmation.
import { useId, useState } from 'react';
import { formatFingerprint, normaliseFingerprint } from '../../../shared/crypto/hash';
import { useT } from '../../i18n';
import type { PendingKey } from './pendingKeys';
import './keys.css';

export type { PendingKey };

type Props = { p: PendingKey; unitName: string; busy: boolean; onAccept(p: PendingKey, typed: string | null): void; onRefuse(p: PendingKey): void };

export function PendingKeyRow({ p, unitName, busy, onAccept, onRefuse }: Props) {
  const t = useT();
  const id = useId();
  const [typed, setTyped] = useState('');
  const given = typed.trim() !== '';
  const matches = given && normaliseFingerprint(typed) === p.keyId;
  return (
    <tr>
      <td>
        {unitName}
        {p.rotation ? (
          <div className="muted">{t('trust.pending.rotation')} {t('trust.pending.replaces', { fingerprint: formatFingerprint(p.rotation.replaces) })}</div>
        ) : p.kind === 'keys' && <div className="muted">{t('trust.pending.enrolment')}</div>}
      </td>
      <td><code className="fingerprint">{formatFingerprint(p.keyId)}</code></td>
      <td>
        <label className="visually-hidden" htmlFor={`${id}-fp`}>{t('trust.pending.typeLabel', { unit: unitName })}</label>
        <input id={`${id}-fp`} className="typed-fingerprint" value={typed} placeholder={t('trust.pending.typePlaceholder')} onChange={(e) => setTyped(e.target.value)} />
        {given && <div className={matches ? 'ok-text' : 'error'} role="status">{t(matches ? 'trust.pending.match' : 'trust.pending.mismatch')}</div>}
      </td>
      <td className="num">{p.files}</td>
      <td>
        <div className="key-actions">
          <button type="button" disabled={busy || (given && !matches)} onClick={() => onAccept(p, given ? typed : null)}>{t('cons.keys.accept', { unit: unitName })}</button>
          {p.rotation && (
            <button type="button" disabled={busy} aria-label={t('trust.pending.refuseButton', { unit: unitName, fingerprint: formatFingerprint(p.keyId) })} onClick={() => onRefuse(p)}>
              {t('trust.pending.refuse')}
            </button>
          )}
        </div>
      </td>
    </tr>
  );
}
