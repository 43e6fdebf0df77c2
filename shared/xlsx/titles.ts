// What the title rows above a table say about the plan: `(Kèm theo Quyết định số 180/QĐ-BCĐ ngày
// 26/6/2023 của Ban Chỉ đạo ...)` gives the decision, its date and the issuer; `DANH MỤC NHIỆM VỤ
// ... NĂM 2023` the title and the period. A blank number (`số /QĐ-BCĐ ngày /2023`, as printed
// before signing) gives nothing rather than a wrong decision.
import type { IsoDate } from '../model/ids';
import { isoDate } from '../format/vi';
import { fold } from '../text/fold';

export type TitleFacts = {
  title: string | null;
  decision: string | null;
  issuedOn: IsoDate | null;
  issuer: string | null;
  years: { from: number; to: number } | null;
};

const DECISION = /(?:quyết định|kế hoạch|nghị quyết|chỉ thị|công văn)\s+số\s*:?\s*(\d+)\s*\/\s*([\p{L}\d][\p{L}\d&-]*)/iu;
const DATE_SLASH = /ngày\s*(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})/iu;
const DATE_WORDS = /ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})/iu;
const ISSUER = /\bcủa\s+(.+?)\s*\)?\s*$/iu;

const yearOk = (y: number) => y >= 1990 && y <= 2100;

export function readTitles(titles: readonly string[]): TitleFacts {
  const text = titles.join('\n');
  const d = DECISION.exec(text);
  const decision = d ? `${d[1]}/${d[2]}` : null;
  const dm = DATE_SLASH.exec(text) ?? DATE_WORDS.exec(text);
  const issuedOn = dm ? isoDate(Number(dm[3]), Number(dm[2]), Number(dm[1])) : null;
  const attached = titles.find((t) => /^\(?\s*kem theo/u.test(fold(t)));
  const issuer = attached ? (ISSUER.exec(attached)?.[1]?.trim() ?? null) : null;
  const title = titles.find((t) => /^(?:danh muc|ke hoach|bang|chi tieu|nhiem vu|cac nhiem vu)/u.test(fold(t)))
    ?? titles.find((t) => !/^\(?\s*(?:phu luc|kem theo)/u.test(fold(t)) && /\p{L}{3}/u.test(t)) ?? null;
  const f = fold(text);
  let years: TitleFacts['years'] = null;
  const span = /(?:giai doan|tu nam|nam)\s*(\d{4})\s*(?:-|–|den)\s*(?:nam\s*)?(\d{4})/u.exec(f);
  const one = /nam (\d{4})\b/u.exec(f);
  if (span && yearOk(Number(span[1])) && yearOk(Number(span[2])) && Number(span[1]) <= Number(span[2])) {
    years = { from: Number(span[1]), to: Number(span[2]) };
  } else if (one && yearOk(Number(one[1]))) years = { from: Number(one[1]), to: Number(one[1]) };
  return { title, decision, issuedOn, issuer, years };
}
