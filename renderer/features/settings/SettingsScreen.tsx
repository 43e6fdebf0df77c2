import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../shared/platform/contract';
import { formatDateVi } from '../../../shared/format/vi';
import type { SelfRecord } from '../../db/records';
import { useDb } from '../../db/context';
import { useT } from '../../i18n';
import { useUi, type Lang } from '../../state';
import { platform } from '../../platform';
import { useUnit } from '../units/unitsRepo';
import { installDemoPlans } from '../plans/bundled';
import { StorageStatus } from './StorageStatus';
import { KeyCard } from './KeyCard';
import { BackupCard } from '../backup/BackupCard';
import { IntegrityCard } from '../backup/IntegrityCard';

export function SettingsScreen({ self }: { self: SelfRecord }) {
  const t = useT();
  const db = useDb();
  const lang = useUi((s) => s.lang);
  const setLang = useUi((s) => s.setLang);
  const unit = useUnit(self.unitId);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [demoMsg, setDemoMsg] = useState('');
  useEffect(() => { void platform.appInfo().then(setInfo); }, []);

  const reloadDemo = async () => setDemoMsg(t('settings.demo.loaded', { count: await installDemoPlans(db) }));

  return (
    <section className="page settings" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <div className="card">
        <h2>{t('settings.unit')}</h2>
        <p><strong>{unit?.name ?? self.unitId}</strong> · {t(`role.${self.role}`)}</p>
      </div>
      <div className="card">
        <label className="inline">
          <span>{t('settings.language')}</span>
          <select value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
            <option value="vi">Tiếng Việt</option>
            <option value="en">English</option>
          </select>
        </label>
      </div>
      <KeyCard unitId={self.unitId} />
      <StorageStatus />
      <BackupCard />
      <IntegrityCard />
      <div className="card">
        <h2>{t('settings.demo')}</h2>
        <button type="button" onClick={() => void reloadDemo()}>{t('settings.demo.load')}</button>
        <p role="status">{demoMsg}</p>
      </div>
      <div className="card">
        <h2>{t('settings.about')}</h2>
        {info && <p>{t('settings.version', { version: info.version, date: formatDateVi(info.buildDate), host: t(`settings.host.${info.host}`) })}</p>}
      </div>
    </section>
  );
}
