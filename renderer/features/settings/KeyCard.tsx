import { useCallback, useEffect, useState } from 'react';
import { fromBase64url } from '../../../shared/crypto/encoding';
import { formatFingerprint, keyIdOf } from '../../../shared/crypto/hash';
import { formatDateVi } from '../../../shared/format/vi';
import type { UnitId } from '../../../shared/model/ids';
import type { KeyResult } from '../../../shared/platform/contract';
import { useT } from '../../i18n';
import { platform } from '../../platform';
import { KeyBackup } from '../keys/KeyBackup';
import { OwnKeyActions } from '../keys/OwnKeyActions';
import { UnlockKey } from '../keys/UnlockKey';

const fingerprintOf = (publicKey: string) => {
  const raw = fromBase64url(publicKey);
  return raw ? formatFingerprint(keyIdOf(raw)) : '';
};

/** The unit's key fingerprint, large enough to read over the phone. */
export function KeyCard({ unitId }: { unitId: UnitId }) {
  const t = useT();
  const [key, setKey] = useState<KeyResult | null>(null);
  const load = useCallback(() => { void platform.getUnitKey(unitId).then(setKey); }, [unitId]);
  useEffect(load, [load]);
  const create = async () => setKey(await platform.ensureUnitKey(unitId));
  return (
    <div className="card">
      <h2>{t('keys.title')}</h2>
      {key?.ok && (
        <>
          <p className="muted">{t('keys.fingerprint')}</p>
          <p className="fingerprint" aria-label={t('keys.fingerprint')}>{fingerprintOf(key.key.publicKey)}</p>
          <p className="muted">{t(`keys.protection.${key.key.protection}`)} {t('keys.created', { date: formatDateVi(key.key.createdAt.slice(0, 10)) })}</p>
          {key.key.protection === 'passphrase' && <UnlockKey unitId={unitId} detail="passphrase-locked" creating={false} onUnlocked={setKey} />}
          <OwnKeyActions unitId={unitId} onChanged={setKey} />
          <KeyBackup unitId={unitId} onRestored={setKey} />
        </>
      )}
      {key && !key.ok && (
        <>
          <p className="warning">{t(key.reason === 'no-key' ? 'keys.none' : 'keys.unavailable')}</p>
          {key.reason === 'unavailable' && (key.detail === 'os-keychain-unavailable' || key.detail === 'os-keychain-weak')
            ? <UnlockKey unitId={unitId} detail={key.detail} creating onUnlocked={setKey} />
            : <button type="button" onClick={() => void create()}>{t('keys.create')}</button>}
        </>
      )}
    </div>
  );
}
