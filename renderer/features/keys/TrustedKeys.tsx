// The trust registry as the consolidating unit sees it: each unit with its keys (valid from,
// revoked at, how the key entered), and a revoke with a confirmation that says what follows.
import { useCallback, useMemo, useState } from 'react';
import { FindInList, useFoundRows } from '../../components/FindInList';
import { formatFingerprint } from '../../../shared/crypto/hash';
import { sanitizeForDisplay, trustErrorMessage } from '../../../shared/packages';
import { useDb } from '../../db/context';
import type { TrustRecord } from '../../db/records';
import { useT } from '../../i18n';
import { useUi } from '../../state';
import { formatInstantVi } from '../consolidation/format';
import { trustRepo } from './trustRepo';
import './keys.css';
import { ConfirmBox } from './ConfirmBox';

// Date and time (Vietnam time), so that two acts on one day (an enrolment, then a rotation) differ.
const dateOf = (iso: string | null) => formatInstantVi(iso);
const SOURCES = ['enrolment', 'plan', 'rotation', 'manual'] as const;
const sourceOf = (s: string) => (SOURCES as readonly string[]).includes(s) ? (s as (typeof SOURCES)[number]) : 'manual';

/** Units in name order (Phường 2 before Phường 10), each unit's keys newest first. */
const byName = new Intl.Collator('vi', { numeric: true });
function sorted(rows: readonly TrustRecord[], name: (id: string) => string): TrustRecord[] {
  return [...rows].sort((a, b) => byName.compare(name(a.unitId), name(b.unitId)) || (b.validFrom ?? b.addedAt).localeCompare(a.validFrom ?? a.addedAt));
}

export function TrustedKeys({ rows, name }: { rows: readonly TrustRecord[]; name: (id: string) => string }) {
  const t = useT();
  const db = useDb();
  const lang = useUi((s) => s.lang);
  const [asking, setAsking] = useState<TrustRecord | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const revoke = async (k: TrustRecord) => {
    setAsking(null);
    const r = await trustRepo.revoke(db, { unitId: k.unitId, keyId: k.keyId, how: 'revoked by the consolidating unit' });
    setMessage(r.ok ? { ok: true, text: t('trust.revoke.done', { unit: sanitizeForDisplay(name(k.unitId)) }) } : { ok: false, text: t('trust.revoke.failed', { error: trustErrorMessage(r.error, lang) }) });
  };

  const ordered = useMemo(() => sorted(rows, name), [rows, name]);
  const found = useFoundRows(ordered, useCallback((k: TrustRecord) => name(k.unitId), [name]));

  if (rows.length === 0) return <p className="muted">{t('cons.keys.trustedNone')}</p>;
  return (
    <>
      {message && <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'summary' : 'error'}>{message.text}</p>}
      {asking && (
        <ConfirmBox
          question={t('trust.revoke.confirm', { unit: sanitizeForDisplay(name(asking.unitId)), fingerprint: formatFingerprint(asking.keyId) })}
          go={t('trust.revoke.go')} onGo={() => void revoke(asking)} onCancel={() => setAsking(null)}
        />
      )}
      <FindInList id="trusted-find" found={found} />
      <table className="grid trust-table" aria-label={t('cons.keys.trusted')}>
        <thead>
          <tr>
            <th scope="col">{t('cons.keys.unit')}</th><th scope="col">{t('cons.keys.fingerprint')}</th>
            <th scope="col">{t('trust.validFrom')}</th><th scope="col">{t('trust.revokedAt')}</th>
            <th scope="col">{t('cons.keys.source')}</th><th scope="col">{t('cons.keys.added')}</th>
            <th scope="col"><span className="visually-hidden">{t('trust.revoke.column')}</span></th>
          </tr>
        </thead>
        <tbody>
          {found.shown.map((k) => (
            <tr key={`${k.unitId}|${k.keyId}`} className={k.revokedAt ? 'is-revoked' : undefined}>
              <td>{sanitizeForDisplay(name(k.unitId))}</td>
              <td><code className="fingerprint small">{formatFingerprint(k.keyId)}</code></td>
              <td>{dateOf(k.validFrom)}</td>
              <td className={k.revokedAt ? 'revoked' : undefined}>{k.revokedAt ? t('trust.revokedOn', { date: dateOf(k.revokedAt) }) : t('trust.inUse')}</td>
              <td>{t(`trust.source.${sourceOf(k.source)}`)}</td>
              <td>{dateOf(k.addedAt)}</td>
              <td>{!k.revokedAt && <button type="button" aria-label={t('trust.revoke.button', { unit: sanitizeForDisplay(name(k.unitId)), fingerprint: formatFingerprint(k.keyId) })} onClick={() => setAsking(k)}>{t('trust.revoke.short')}</button>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
