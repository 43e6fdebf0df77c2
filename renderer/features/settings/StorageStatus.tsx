import { useEffect, useState } from 'react';
import { formatNumberVi } from '../../../shared/format/vi';
import { useT } from '../../i18n';

type Storage = { persisted: boolean | null; usage: number | null; quota: number | null };
const mb = (bytes: number) => `${formatNumberVi(Math.round(bytes / 1_048_576))} MB`;

/** Whether the browser may evict our data, and how much room is left. */
export function StorageStatus() {
  const t = useT();
  const [s, setS] = useState<Storage>({ persisted: null, usage: null, quota: null });
  useEffect(() => {
    void (async () => {
      const persisted = (await navigator.storage?.persisted?.().catch(() => null)) ?? null;
      const est = (await navigator.storage?.estimate?.().catch(() => null)) ?? null;
      setS({ persisted, usage: est?.usage ?? null, quota: est?.quota ?? null });
    })();
  }, []);
  const text = s.persisted === null ? 'settings.storage.unknown' : s.persisted ? 'settings.storage.persistent' : 'settings.storage.bestEffort';
  return (
    <div className="card">
      <h2>{t('settings.storage')}</h2>
      <p role="status" className={s.persisted === false ? 'warning' : undefined}>{t(text)}</p>
      {s.usage !== null && s.quota !== null && <p>{t('settings.storage.usage', { used: mb(s.usage), free: mb(s.quota - s.usage) })}</p>}
    </div>
  );
}
