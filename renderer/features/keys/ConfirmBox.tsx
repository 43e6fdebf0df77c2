// A question before an act on keys that cannot be taken back (a rotation, a revocation, a refusal,
// a restore): the act's button and "Hủy", read out as an alert dialog named by the question.
import { useId } from 'react';
import { useT } from '../../i18n';
import './keys.css';

type Props = { question: string; go: string; onGo: () => void; onCancel: () => void; busy?: boolean };

export function ConfirmBox({ question, go, onGo, onCancel, busy = false }: Props) {
  const t = useT();
  const id = useId();
  return (
    <div className="key-confirm" role="alertdialog" aria-labelledby={id}>
      <p id={id}>{question}</p>
      <div className="key-actions">
        <button type="button" className="primary" disabled={busy} onClick={onGo}>{go}</button>
        <button type="button" onClick={onCancel}>{t('ownKey.cancel')}</button>
      </div>
    </div>
  );
}
