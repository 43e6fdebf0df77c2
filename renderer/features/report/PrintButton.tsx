import { useState } from 'react';
import type { ReportDocument } from '../../../shared/report/types';
import { useT } from '../../i18n';
import { useUi } from '../../state';

/** Opens the print preview of a report the core builds on click (never before: it can be large). */
export function PrintButton({ kind, build }: { kind: 'unit' | 'consolidated'; build: () => ReportDocument | null }) {
  const t = useT();
  const open = useUi((s) => s.openPreview);
  const [failed, setFailed] = useState(false);
  const onClick = () => {
    const doc = build();
    setFailed(doc === null);
    if (doc) open(doc);
  };
  return (
    <>
      <button type="button" onClick={onClick}>{t(`print.open.${kind}`)}</button>
      {failed && <span role="alert" className="error">{t('print.unavailable')}</span>}
    </>
  );
}
