import { useState } from 'react';
import type { ReportDocument } from '../../../shared/report/types';
import { useT } from '../../i18n';
import { useUi } from '../../state';

/**
 * Opens the print preview of a report the core builds on click (never before: it can be large).
 * A consolidated report first reads the counted reports whole: the button says so while it does.
 */
export function PrintButton({ kind, build }: { kind: 'unit' | 'consolidated'; build: () => ReportDocument | null | Promise<ReportDocument | null> }) {
  const t = useT();
  const open = useUi((s) => s.openPreview);
  const [failed, setFailed] = useState<string | null>(null);
  const [building, setBuilding] = useState(false);
  const onClick = async () => {
    setBuilding(true);
    try {
      const doc = await build();
      setFailed(doc === null ? t('print.unavailable') : null);
      if (doc) open(doc);
    } catch (e) {
      // The counted reports could not be read (the stored data, not the report's content).
      setFailed(t('print.readFailed', { error: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBuilding(false);
    }
  };
  return (
    <>
      <button type="button" onClick={() => void onClick()} disabled={building} aria-busy={building}>{t(`print.open.${kind}`)}</button>
      {building && <span role="status">{t('print.building')}</span>}
      {failed && <span role="alert" className="error">{failed}</span>}
    </>
  );
}
