// The comments of a returned report beside the item, each with its answer field ("Trả lời /
// giải trình"), saved with the item's draft like every other field (autosave, undo, audit).
import { sanitizeForDisplay } from '../../../shared/packages';
import { answerTo, withAnswer, type EntryDraft, type OpenComment } from '../../../shared/progress';
import { useT } from '../../i18n';
import { TextArea } from './fields';

type Props = {
  comments: readonly OpenComment[];
  draft: EntryDraft;
  /** The sequence of the latest package exported, when it is newer than the returned one: the answers went with it. */
  sentIn: number | null;
  onChange: (answers: NonNullable<EntryDraft['answers']>) => void;
};

export function ReturnedComments({ comments, draft, sentIn, onChange }: Props) {
  const t = useT();
  const first = comments[0];
  if (!first) return null;
  return (
    <section className="returned" aria-labelledby="returned-title">
      <h3 id="returned-title">{t('progress.entry.answers', { sequence: first.returnedSequence })}</h3>
      <ol className="returned-list">
        {comments.map((c, i) => (
          <li key={`${c.returnedPackageId}:${i}`}>
            <p className="warning returned-note" role="note">{t('progress.entry.returned', { text: sanitizeForDisplay(c.text) })}</p>
            <TextArea id={`pf-answer-${i}`} label={comments.length > 1 ? t('progress.entry.answerFor', { n: i + 1 }) : t('progress.entry.answer')}
              value={answerTo(draft, c)} rows={2} onChange={(text) => onChange(withAnswer(draft.answers, c, text))} />
          </li>
        ))}
      </ol>
      {sentIn !== null && <p className="muted small">{t('progress.entry.answerSent', { sequence: sentIn })}</p>}
    </section>
  );
}
