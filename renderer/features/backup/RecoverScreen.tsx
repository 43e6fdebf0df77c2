import { useT } from '../../i18n';
import { RestoreChoices } from './RestoreChoices';
import './backup.css';

/**
 * After a damaged database was replaced by an empty one: restore from a file or a kept backup.
 * Starting over is possible only knowingly (the same tick as the lost-database screen).
 */
export function RecoverScreen({ onDone }: { onDone: () => void }) {
  const t = useT();
  return (
    <section className="page lost" aria-labelledby="recover-title">
      <h1 id="recover-title">{t('dbstate.recover.title')}</h1>
      <div className="card" role="alert"><p>{t('dbstate.recover.body')}</p></div>
      <RestoreChoices onRestored={onDone} onStartOver={onDone} />
    </section>
  );
}
