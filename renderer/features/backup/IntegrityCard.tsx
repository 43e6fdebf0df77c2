import { useState } from 'react';
import { webCryptoEd25519 } from '../../../shared/crypto/webcrypto';
import type { StartWarning } from '../../../shared/backup';
import { useDb } from '../../db/context';
import { useT, type MessageKey, type Translate } from '../../i18n';
import { fullCheck, problemCount, type IntegrityReport } from './integrity';
import { readMarker } from './service';

export const warningText = (t: Translate, w: StartWarning): string =>
  w.kind === 'fewer-rows' ? t('integrity.fewer', { table: t(`backup.table.${w.table}` as MessageKey), found: w.found, recorded: w.recorded })
    : w.kind === 'other-unit' ? t('integrity.otherUnit', { found: w.found, recorded: w.recorded })
      : t('integrity.olderSchema', { found: w.found, recorded: w.recorded });

function lines(t: Translate, r: IntegrityReport): string[] {
  return [
    ...(r.version.found === r.version.known ? [] : [t('integrity.schema', { found: r.version.found, known: r.version.known })]),
    ...r.warnings.map((w) => warningText(t, w)),
    ...r.packages.map((p) => t('integrity.package', { file: p.fileName, problem: t(`integrity.problem.${p.problem}`, { reason: p.reason ?? '' }) })),
    ...(r.audit.ok ? [] : [t(`integrity.audit.${r.audit.problem}`, { id: r.audit.at ?? r.audit.index })]),
  ];
}

/** Settings: the full check on demand (every package verified again, the audit chain). */
export function IntegrityCard() {
  const t = useT();
  const db = useDb();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [report, setReport] = useState<IntegrityReport | null>(null);
  const run = async () => {
    setReport(null);
    setProgress({ done: 0, total: 0 });
    try {
      setReport(await fullCheck(db, await readMarker(), { native: webCryptoEd25519() }, (done, total) => setProgress({ done, total })));
    } finally { setProgress(null); }
  };
  const problems = report ? lines(t, report) : [];
  return (
    <div className="card">
      <h2>{t('integrity.title')}</h2>
      <button type="button" disabled={progress !== null} onClick={() => void run()}>{t('integrity.run')}</button>
      {progress && <p role="status">{t('integrity.running', progress)}</p>}
      {report && problemCount(report) === 0 && (
        <p role="status">{t('integrity.ok', { version: report.version.found, received: report.received, exported: report.exported, audit: report.audit.count })}</p>
      )}
      {report && problems.length > 0 && (
        <div role="alert" className="warning">
          <p>{t('integrity.problems', { count: problems.length })}</p>
          <ul>{problems.map((p, i) => <li key={i}>{p}</li>)}</ul>
        </div>
      )}
    </div>
  );
}
