import { useDbStatus } from '../../db/context';
import { useT } from '../../i18n';

/** Says when the database is read-only (written by a newer PlanBook) or outdated (upgraded by another window). */
export function DbStatusBanner() {
  const t = useT();
  const { readOnly, outdated } = useDbStatus();
  if (outdated) {
    return (
      <div className="db-banner" role="alert">
        <span>{t('dbstate.outdated')}</span>
        <button type="button" onClick={() => window.location.reload()}>{t('dbstate.reload')}</button>
      </div>
    );
  }
  if (readOnly) return <div className="db-banner" role="alert">{t('dbstate.readOnly', { found: readOnly.found, known: readOnly.known })}</div>;
  return null;
}
