// After a signed plan package is read: the unit keys it lists enter the trust registry. When the
// issuer's key is already trusted that happens at once; otherwise the officer compares the issuer's
// fingerprint (read over the phone) once, and from then on the issuer's plans need no question.
import { useEffect, useId, useState } from 'react';
import { formatFingerprint, normaliseFingerprint } from '../../../shared/crypto/hash';
import { judgeKey, sanitizeForDisplay, trustErrorMessage } from '../../../shared/packages';
import { useDb } from '../../db/context';
import { useT } from '../../i18n';
import { useUi } from '../../state';
import type { SignedPlanFacts } from '../plans/importPlan';
import { useDirectory } from '../units/unitsRepo';
import { trustRepo, type TrustActResult } from './trustRepo';
import './keys.css';

type Props = { planId: string; facts: SignedPlanFacts };
type State = { kind: 'checking' } | { kind: 'ask' } | { kind: 'skipped' } | { kind: 'done'; r: TrustActResult };

/** The one prompt for a plan package's keys: after a first install (Plans) and on the revision screen. */
export function PlanKeysOffer({ planId, facts }: Props) {
  const t = useT();
  const db = useDb();
  const directory = useDirectory();
  const lang = useUi((s) => s.lang);
  const issuerName = sanitizeForDisplay(directory?.units.get(facts.issuer.unitId)?.name ?? facts.issuer.unitId);
  const id = useId();
  const [state, setState] = useState<State>({ kind: 'checking' });
  const [typed, setTyped] = useState('');
  const listed = facts.units.reduce((n, u) => n + u.publicKeys.length, 0);

  useEffect(() => {
    let live = true;
    void (async () => {
      const registry = await trustRepo.registry(db);
      const trusted = judgeKey(registry, facts.issuer.keyId, facts.issuer.unitId, new Date().toISOString()) === 'ok';
      const r = trusted ? await trustRepo.takePlanKeys(db, { planId, issuer: facts.issuer, units: facts.units, issuerConfirmed: false }) : null;
      if (live) setState(r ? { kind: 'done', r } : { kind: 'ask' });
    })();
    return () => { live = false; };
  }, [db, planId, facts]);

  const confirm = async () => setState({ kind: 'done', r: await trustRepo.takePlanKeys(db, { planId, issuer: facts.issuer, units: facts.units, issuerConfirmed: true }) });
  const given = typed.trim() !== '';
  const matches = normaliseFingerprint(typed) === facts.issuer.keyId;

  if (state.kind === 'checking' || listed === 0) return null;
  if (state.kind === 'skipped') return <p role="status" className="muted">{t('trust.plan.skipped')}</p>;
  if (state.kind === 'done') {
    return state.r.ok
      ? <p role="status" className="ok-text">{t('trust.plan.added', { added: state.r.added.length, listed })}</p>
      : <p role="alert" className="error">{t('trust.plan.failed', { error: trustErrorMessage(state.r.error, lang) })}</p>;
  }
  return (
    <div className="key-confirm plan-keys-offer" role="region" aria-labelledby={`${id}-h`}>
      <p id={`${id}-h`}><strong>{t('trust.plan.ask', { issuer: issuerName, listed })}</strong></p>
      <p className="fingerprint" aria-label={t('trust.plan.issuerFingerprint')}>{formatFingerprint(facts.issuer.keyId)}</p>
      <label htmlFor={`${id}-fp`}>{t('trust.plan.typeLabel')}</label>{' '}
      <input id={`${id}-fp`} className="typed-fingerprint" value={typed} onChange={(e) => setTyped(e.target.value)} />
      {given && <span className={matches ? 'ok-text' : 'error'}> {t(matches ? 'trust.pending.match' : 'trust.pending.mismatch')}</span>}
      <div className="key-actions">
        <button type="button" className="primary" disabled={given && !matches} onClick={() => void confirm()}>{t('trust.plan.confirm')}</button>
        <button type="button" onClick={() => setState({ kind: 'skipped' })}>{t('trust.plan.later')}</button>
      </div>
    </div>
  );
}
