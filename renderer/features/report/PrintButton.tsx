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
  const [failed, setFailed] = useState(false);
  const [building, setBuilding] = useState(false);
  const onClick = async () => {
    setBuilding(true);
    try {
      const doc = await build();
      setFailed(doc === null);
      if (doc) open(doc);
    } finally {
      setBuilding(false);
    }
  };
  return (
    <>
      <button type="button" onClick={() => void onClick()} disabled={building} aria-busy={building}>{t(`print.open.${kind}`)}</button>
      {building && <span role="status">{t('print.building')}</span>}
      {failed && <span role="alert" className="error">{t('print.unavailable')}</span>}
    </>
  );
}
