import { useSelf } from '../features/self/selfRepo';
import { SetupScreen } from '../features/setup/SetupScreen';
import { PlansScreen } from '../features/plans/PlansScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { ProgressScreen } from '../features/progress/ProgressScreen';
import { ConsolidationScreen } from '../features/consolidation/ConsolidationScreen';
import { DashboardScreen } from '../features/dashboard/DashboardScreen';
import { useT, type MessageKey } from '../i18n';
import { useUi, type View } from '../state';
import { useUnit } from '../features/units/unitsRepo';
import { PrintPreview } from '../features/report/PrintPreview';

const VIEWS: { view: View; label: MessageKey }[] = [
  { view: 'plans', label: 'nav.plans' },
  { view: 'progress', label: 'nav.progress' },
  { view: 'consolidation', label: 'nav.consolidation' },
  { view: 'dashboard', label: 'nav.dashboard' },
  { view: 'settings', label: 'nav.settings' },
];

export function App() {
  const t = useT();
  const self = useSelf();
  const view = useUi((s) => s.view);
  const setView = useUi((s) => s.setView);
  const unit = useUnit(self?.unitId ?? null);
  const preview = useUi((s) => s.preview);
  if (self === undefined) return <p className="boot" role="status">{t('app.loading')}</p>;
  if (self === null) return <SetupScreen />;
  if (preview) return <PrintPreview doc={preview} />;
  return (
    <div className="shell">
      <nav className="sidebar" aria-label={t('nav.label')}>
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-unit">{unit?.name ?? self.unitId}</span>
        </div>
        <ul>
          {VIEWS.map((v) => (
            <li key={v.view}>
              <button type="button" aria-current={view === v.view ? 'page' : undefined} onClick={() => setView(v.view)}>
                {t(v.label)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content">
        {view === 'plans' && <PlansScreen self={self} />}
        {view === 'settings' && <SettingsScreen self={self} />}
        {view === 'progress' && <ProgressScreen self={self} />}
        {view === 'consolidation' && <ConsolidationScreen self={self} />}
        {view === 'dashboard' && <DashboardScreen self={self} />}
      </main>
    </div>
  );
}
