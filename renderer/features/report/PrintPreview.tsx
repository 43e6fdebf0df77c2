import { useEffect, useMemo, useState } from 'react';
import { reportBodyHtml, reportCss } from '../../../shared/report/html';
import { writeWorkbook } from '../../../shared/report/workbook';
import type { ReportDocument } from '../../../shared/report/types';
import { useT } from '../../i18n';
import { useUi } from '../../state';
import { platform } from '../../platform';
import { fontUrl } from './reportFonts';

/**
 * The report in the official format, on screen as it will print. The stylesheet is adopted
 * (CSSOM, allowed by our CSP, unlike an inline <style>) only while the preview is open.
 */
export function PrintPreview({ doc }: { doc: ReportDocument }) {
  const t = useT();
  const close = useUi((s) => s.closePreview);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const body = useMemo(() => reportBodyHtml(doc), [doc]);
  const name = useMemo(() => `bao-cao-${doc.header.date ?? ''}`.replace(/[^\w-]+/gu, '-'), [doc]);

  useEffect(() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(reportCss(fontUrl));
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') close(); };
    window.addEventListener('keydown', onKey);
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
      window.removeEventListener('keydown', onKey);
    };
  }, [close]);

  const print = async () => {
    const r = await platform.print({ suggestedName: `${name}.pdf`, landscape: false });
    if (!r.ok && r.reason !== 'cancelled') setMessage({ kind: 'error', text: t('print.failed') });
    else if (r.ok && r.fileName) setMessage({ kind: 'ok', text: t('print.saved', { file: r.fileName }) });
  };
  const excel = async () => {
    const r = await platform.saveFile({ suggestedName: `${name}.xlsx`, bytes: writeWorkbook(doc.sheets) });
    if (r.ok) setMessage({ kind: 'ok', text: t('print.saved', { file: r.fileName }) });
    else if (r.reason !== 'cancelled') setMessage({ kind: 'error', text: t('print.saveFailed') });
  };

  return (
    <>
      <div className="print-toolbar" role="toolbar" aria-label={t('print.toolbar')}>
        <button type="button" className="primary" onClick={() => void print()}>{t('print.print')}</button>
        <button type="button" onClick={() => void excel()}>{t('print.excel')}</button>
        <button type="button" onClick={close}>{t('print.close')}</button>
        {message && <span role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind === 'error' ? 'error' : 'ok-text'}>{message.text}</span>}
      </div>
      <article className="report-sheet" aria-label={t('print.preview')} dangerouslySetInnerHTML={{ __html: body }} />
    </>
  );
}
