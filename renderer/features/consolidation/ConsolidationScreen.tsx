import type { SelfRecord } from '../../db/records';
import { useT } from '../../i18n';

export function ConsolidationScreen({ self: _self }: { self: SelfRecord }) {
  const t = useT();
  return <section className="page"><h1>{t('consolidation.title')}</h1><p>{t('placeholder.soon')}</p></section>;
}
