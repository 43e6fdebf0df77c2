// Workbooks built in memory with SheetJS from the transcribed plans, in the messy layouts real
// appendix files have, plus hostile files (bombs, lies, junk) built byte by byte. Every layout is
// an option so a test can name exactly the mess it checks.
import { crc32, deflateRawSync } from 'node:zlib';
import * as XLSX from 'xlsx';

export type RawRow = Record<string, unknown>;
export type RawPlan = {
  plan: { decision?: string | null; issuedOn?: string | null; issuer?: string; title?: string };
  sections: { code: string; key: string; title: string; kind: 'tasks' | 'indicators' | 'projects' }[];
  indicators: RawRow[]; tasks: RawRow[]; projects?: RawRow[];
};

export type Layout = {
  /** PHỤ LỤC / DANH MỤC / (Kèm theo Quyết định số ...) rows above each table. */
  titles?: boolean;
  /** Section rows: number in A and title in B merged to the last column, or `I. TITLE` merged from A. */
  sections?: 'split' | 'merged' | 'combined';
  /** The header row again every n data rows (page breaks). */
  repeatHeaderEvery?: number;
  /** Headers over two rows with merged group cells. */
  twoRowHeader?: boolean;
  /** Every string in NFD, with no-break and doubled spaces. */
  nfd?: boolean;
  /** Column order shuffled (a fixed permutation per seed). */
  shuffle?: number;
  /** STT, years and percentages as Excel numbers instead of text. */
  typedNumbers?: boolean;
  /** Indicators and tasks one below the other in one sheet (default: one sheet each). */
  stacked?: boolean;
  /** Header name variants (`Stt`, `Nhiệm vụ`, `Cơ quan chủ trì`, `Tiến độ`). */
  variants?: boolean;
  /** An extra `Đơn vị tính` column. */
  extraColumn?: boolean;
  /** A `(1) (2) (3)` column-number row under the header. */
  numberingRow?: boolean;
  /** Blank rows between sections. */
  blankRows?: boolean;
};

type Col = { key: string; label: string; top?: string };

function columnsFor(kind: 'tasks' | 'indicators', raw: RawPlan, l: Layout): Col[] {
  const rows = kind === 'tasks' ? raw.tasks : raw.indicators;
  const has = (k: string) => rows.some((r) => k in r);
  const v = l.variants === true;
  const cols: Col[] = [
    { key: 'no', label: v ? 'Stt' : 'STT' },
    { key: 'content', label: v ? (kind === 'tasks' ? 'Nhiệm vụ' : 'Tên chỉ tiêu') : 'Nội dung' },
    { key: 'lead', label: l.twoRowHeader ? 'Chủ trì' : v ? 'Cơ quan chủ trì' : 'Đơn vị chủ trì', top: 'Đơn vị' },
    { key: 'coordinating', label: l.twoRowHeader ? 'Phối hợp' : v ? 'Cơ quan phối hợp' : 'Đơn vị phối hợp', top: 'Đơn vị' },
  ];
  if (kind === 'tasks') cols.push({ key: 'due', label: v ? 'Tiến độ' : 'Thời gian hoàn thành' });
  if (has('monitor')) cols.push({ key: 'monitor', label: 'Phân công thành viên BCĐ theo dõi' });
  if (has('baseline')) {
    const asOf = rows.find((r) => typeof r.baselineAsOf === 'string')?.baselineAsOf as string | undefined;
    const [y, m] = asOf ? asOf.split('-') : [];
    cols.push({ key: 'baseline', label: asOf ? `Hiện trạng đến tháng ${Number(m)}/${y}` : 'Hiện trạng' });
  }
  if (kind === 'indicators') {
    if (has('nationalTarget')) cols.push({ key: 'nationalTarget', label: l.twoRowHeader ? 'Của UBQG' : 'Chỉ tiêu của UBQG năm 2023', top: 'Chỉ tiêu năm 2023' });
    cols.push({ key: 'target', label: l.twoRowHeader ? 'Của tỉnh' : 'Chỉ tiêu của tỉnh năm 2023', top: 'Chỉ tiêu năm 2023' });
  }
  cols.push({ key: 'note', label: 'Ghi chú' });
  if (l.extraColumn) cols.splice(2, 0, { key: '', label: 'Đơn vị tính' });
  if (l.shuffle !== undefined) {
    // A seeded Fisher-Yates: the same seed gives the same order, run after run.
    let s = l.shuffle + 1;
    const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let i = cols.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [cols[i], cols[j]] = [cols[j]!, cols[i]!];
    }
  }
  // Two-row group cells (`Đơn vị` over `Chủ trì | Phối hợp`) need their columns side by side.
  if (l.twoRowHeader) {
    for (const top of ['Đơn vị', 'Chỉ tiêu năm 2023']) {
      const group = cols.filter((c) => c.top === top && c.label !== c.top);
      if (group.length < 2) continue;
      const at = cols.indexOf(group[0]!);
      for (const g of group.slice(1)) cols.splice(cols.indexOf(g), 1);
      cols.splice(at + 1, 0, ...group.slice(1));
    }
  }
  return cols;
}

type Aoa = (string | number | null | XLSX.CellObject)[][];

const nfd = (s: string) => s.normalize('NFD').replace(/ (\S+) /u, '\u00a0$1  ');

function cellOf(value: string, key: string, l: Layout): string | number | XLSX.CellObject {
  const text = l.nfd ? nfd(value) : value;
  if (!l.typedNumbers) return text;
  if (/^\d{1,4}$/u.test(value) && (key === 'no' || key === 'due')) return Number(value);
  const pct = /^(\d+)(?:,(\d+))?%$/u.exec(value);
  if (pct && key !== 'no') {
    const decimals = pct[2]?.length ?? 0;
    return { t: 'n', v: Number(`${pct[1]}.${pct[2] ?? 0}`) / 100, z: decimals ? `0.${'0'.repeat(decimals)}%` : '0%' };
  }
  return text;
}

/** Rows of one table (header, sections, items), appended to `aoa`, with merges. */
function writeTable(aoa: Aoa, merges: XLSX.Range[], kind: 'tasks' | 'indicators', raw: RawPlan, l: Layout): void {
  const cols = columnsFor(kind, raw, l);
  const last = cols.length - 1;
  const width = (row: (string | number | null | XLSX.CellObject)[]) => { while (row.length <= last) row.push(null); return row; };
  if (l.titles) {
    const d = raw.plan.decision ?? '';
    const date = raw.plan.issuedOn ? raw.plan.issuedOn.split('-').reverse().map(Number).join('/') : '';
    aoa.push([kind === 'tasks' ? 'PHỤ LỤC II' : 'PHỤ LỤC I']);
    aoa.push([kind === 'tasks' ? 'DANH MỤC NHIỆM VỤ TRỌNG TÂM' : 'DANH MỤC CHỈ TIÊU']);
    aoa.push([d ? `(Kèm theo Quyết định số ${d} ngày ${date} của ${raw.plan.issuer ?? ''})` : '(Kèm theo Kế hoạch của Ủy ban nhân dân)']);
    aoa.push([]);
  }
  const header = () => {
    const r = aoa.length;
    if (l.twoRowHeader) {
      aoa.push(width(cols.map((c) => c.top ?? c.label)));
      aoa.push(width(cols.map((c) => (c.top ? c.label : null))));
      cols.forEach((c, i) => {
        if (!c.top) merges.push({ s: { r, c: i }, e: { r: r + 1, c: i } });
        else if (cols[i - 1]?.top !== c.top) {
          const n = cols.filter((x) => x.top === c.top).length;
          if (n > 1) merges.push({ s: { r, c: i }, e: { r, c: i + n - 1 } });
        }
      });
    } else aoa.push(width(cols.map((c) => c.label)));
  };
  header();
  if (l.numberingRow) aoa.push(cols.map((_, i) => `(${i + 1})`));
  const rows = kind === 'tasks' ? raw.tasks : raw.indicators;
  const sections = raw.sections.filter((s) => s.kind === kind);
  let current = '';
  let sinceHeader = 0;
  for (const row of rows) {
    const key = String(row.sectionKey ?? row.section ?? '');
    if (key !== current && key !== '') {
      current = key;
      const s = sections.find((x) => x.key === key);
      if (s) {
        if (l.blankRows) aoa.push([]);
        const r = aoa.length;
        const title = l.nfd ? nfd(s.title) : s.title;
        const noCol = cols.findIndex((c) => c.key === 'no');
        const contentCol = cols.findIndex((c) => c.key === 'content');
        const line = width([]);
        if (l.sections === 'combined') {
          line[0] = `${s.code}. ${title}`;
          merges.push({ s: { r, c: 0 }, e: { r, c: last } });
        } else {
          line[noCol] = s.code;
          line[contentCol] = title;
          if (l.sections === 'merged' && contentCol > noCol) merges.push({ s: { r, c: contentCol }, e: { r, c: last } });
        }
        aoa.push(line);
      }
    }
    if (l.repeatHeaderEvery && sinceHeader > 0 && sinceHeader % l.repeatHeaderEvery === 0) header();
    sinceHeader++;
    aoa.push(width(cols.map((c) => (c.key === '' ? 'chỉ tiêu' : typeof row[c.key] === 'string' && row[c.key] !== '' ? cellOf(row[c.key] as string, c.key, l) : null))));
  }
}

export function planWorkbook(raw: RawPlan, l: Layout = {}): XLSX.WorkBook {
  const wb = XLSX.utils.book_new();
  const kinds = (['indicators', 'tasks'] as const).filter((k) => raw[k].length > 0);
  const sheets: { name: string; kinds: readonly ('tasks' | 'indicators')[] }[] = l.stacked
    ? [{ name: 'Phụ lục', kinds }] : kinds.map((k) => ({ name: k === 'tasks' ? 'Nhiệm vụ' : 'Chỉ tiêu', kinds: [k] }));
  for (const s of sheets) {
    const aoa: Aoa = [];
    const merges: XLSX.Range[] = [];
    s.kinds.forEach((k, i) => {
      if (i > 0) aoa.push([], []);
      writeTable(aoa, merges, k, raw, l);
    });
    const ws = XLSX.utils.aoa_to_sheet(aoa);
    ws['!merges'] = merges;
    XLSX.utils.book_append_sheet(wb, ws, s.name);
  }
  return wb;
}

export const toBytes = (wb: XLSX.WorkBook, bookType: XLSX.BookType = 'xlsx'): Uint8Array =>
  new Uint8Array(XLSX.write(wb, { type: 'array', bookType }) as ArrayBuffer);

export const sheetBytes = (aoa: Aoa, merges: XLSX.Range[] = [], name = 'Sheet1'): Uint8Array => {
  const wb = XLSX.utils.book_new();
  const ws = XLSX.utils.aoa_to_sheet(aoa);
  ws['!merges'] = merges;
  XLSX.utils.book_append_sheet(wb, ws, name);
  return toBytes(wb);
};

// ---------------------------------------------------------------------------------------------
// Raw zips, for files no spreadsheet program would write.

export type ZipInput = { name: string; data: Uint8Array; store?: boolean; declaredSize?: number };

/** A zip with the sizes it is told to declare (a lie, when `declaredSize` differs from the data). */
export function zipBytes(entries: readonly ZipInput[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = new TextEncoder().encode(e.name);
    const body = e.store ? e.data : new Uint8Array(deflateRawSync(e.data));
    const usz = e.declaredSize ?? e.data.length;
    const crc = crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(e.store ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14); local.writeUInt32LE(body.length, 18); local.writeUInt32LE(usz, 22); local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0); cd.writeUInt16LE(20, 4); cd.writeUInt16LE(20, 6); cd.writeUInt16LE(e.store ? 0 : 8, 10);
    cd.writeUInt32LE(crc, 16); cd.writeUInt32LE(body.length, 20); cd.writeUInt32LE(usz, 24); cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    parts.push(local, name, body);
    central.push(cd, name);
    offset += 30 + name.length + body.length;
  }
  const cdSize = central.reduce((n, p) => n + p.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdSize, 12); end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, ...central, end]));
}

/** The entries of an .xlsx, to rewrite one part (a sheet's XML) and zip them again. */
export function xlsxParts(bytes: Uint8Array): Map<string, Uint8Array> {
  const cfb = (XLSX as unknown as { CFB: { read(b: Uint8Array, o: { type: 'array' }): { FullPaths: string[]; FileIndex: { type: number; content: Uint8Array | number[] }[] } } }).CFB.read(bytes, { type: 'array' });
  const out = new Map<string, Uint8Array>();
  cfb.FullPaths.forEach((p, i) => {
    const f = cfb.FileIndex[i];
    if (f && f.type === 2) out.set(p.replace(/^Root Entry\//u, ''), new Uint8Array(f.content));
  });
  return out;
}

export function rezip(parts: Map<string, Uint8Array>): Uint8Array {
  return zipBytes([...parts].map(([name, data]) => ({ name, data })));
}

/** An .xlsx whose first sheet's XML is replaced by `edit(xml)`. */
export function withSheetXml(bytes: Uint8Array, edit: (xml: string) => string): Uint8Array {
  const parts = xlsxParts(bytes);
  const name = [...parts.keys()].find((k) => /xl\/worksheets\/sheet1\.xml$/u.test(k))!;
  parts.set(name, new TextEncoder().encode(edit(new TextDecoder().decode(parts.get(name)))));
  return rezip(parts);
}
