// A read-only view of one grid sheet: cleaned cell text, merged areas, A1 references, and the
// per-sheet text checks (NFD and odd spaces, legacy fonts) reported once with the first cell.
import type { CellPos, GridCell, GridSheet, ImportWarning } from './types';
import { cleanText, detectLegacy, fromTcvn3, wasUntidy } from './text';

/** `0 -> A`, `27 -> AB`. */
export function colName(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

// Merged areas may overlap or cover the whole sheet in a hostile file: mark at most this many cells.
const MERGE_CELL_BUDGET = 3_000_000;

export class SheetView {
  readonly name: string;
  readonly height: number;
  readonly width: number;
  readonly warnings: ImportWarning[] = [];
  private readonly grid: GridSheet;
  private readonly texts = new Map<number, string>();
  /** Cell key -> key of the top-left cell of its merged area (only for covered, non-anchor cells). */
  private readonly anchor = new Map<number, number>();
  /** Anchor key -> number of columns the merged area spans. */
  private readonly spanCols = new Map<number, number>();

  constructor(grid: GridSheet) {
    this.grid = grid;
    this.name = grid.name;
    this.height = grid.rows.length;
    this.width = grid.rows.reduce((w, r) => Math.max(w, r.length), 0);
    this.indexMerges();
    this.checkText();
  }

  private key(r: number, c: number): number {
    return r * (this.width + 1) + c;
  }

  pos(r: number, c: number): CellPos {
    return { sheet: this.name, row: r + 1, col: c + 1, ref: `${colName(c)}${r + 1}` };
  }

  warn(code: ImportWarning['code'], r: number, c: number, message: string): ImportWarning {
    // Never point outside the sheet, even for a table that ends at its last row.
    const rr = Math.max(0, Math.min(r, this.height - 1));
    const cc = Math.max(0, Math.min(c, this.width - 1));
    return { ...this.pos(rr, cc), code, message };
  }

  raw(r: number, c: number): GridCell {
    return this.grid.rows[r]?.[c] ?? null;
  }

  /** The cleaned text of a cell as stored (a merged area's text sits in its top-left cell only). */
  text(r: number, c: number): string {
    const k = this.key(r, c);
    const cached = this.texts.get(k);
    if (cached !== undefined) return cached;
    const v = this.raw(r, c);
    const t = v === null ? '' : typeof v === 'number' ? String(v) : this.fixLegacy(cleanText(v));
    this.texts.set(k, t);
    return t;
  }

  /** A header cell's text: a merged area reads the same in every cell it covers. */
  headerText(r: number, c: number): string {
    const a = this.anchor.get(this.key(r, c));
    if (a === undefined) return this.text(r, c);
    const w = this.width + 1;
    return this.text(Math.floor(a / w), a % w);
  }

  /** A data cell's text: a vertical merge (one unit over several rows) fills each row of its first column. */
  dataText(r: number, c: number): string {
    const a = this.anchor.get(this.key(r, c));
    if (a === undefined) return this.text(r, c);
    const w = this.width + 1;
    return a % w === c ? this.text(Math.floor(a / w), c) : '';
  }

  /** The cell whose value a data cell shows: itself, the top of a vertical merge, or null when covered from the left. */
  dataSource(r: number, c: number): { r: number; c: number } | null {
    const a = this.anchor.get(this.key(r, c));
    if (a === undefined) return { r, c };
    const w = this.width + 1;
    return a % w === c ? { r: Math.floor(a / w), c } : null;
  }

  /** Columns spanned by the merged area whose top-left is (r, c); 1 when none. */
  span(r: number, c: number): number {
    return this.spanCols.get(this.key(r, c)) ?? 1;
  }

  isCovered(r: number, c: number): boolean {
    return this.anchor.has(this.key(r, c));
  }

  rowTexts(r: number): string[] {
    const out: string[] = [];
    for (let c = 0; c < this.width; c++) out.push(this.text(r, c));
    return out;
  }

  private indexMerges(): void {
    let budget = MERGE_CELL_BUDGET;
    for (const m of this.grid.merges) {
      const r0 = Math.max(0, m.s.r);
      const c0 = Math.max(0, m.s.c);
      const r1 = Math.min(this.height - 1, m.e.r);
      const c1 = Math.min(this.width - 1, m.e.c);
      if (r1 < r0 || c1 < c0) continue;
      const a = this.key(r0, c0);
      // Overlapping areas: the first one keeps its cells, as Excel would refuse the second.
      if (this.anchor.has(a) || this.spanCols.has(a)) continue;
      const cells = (r1 - r0 + 1) * (c1 - c0 + 1);
      if (cells > budget) {
        this.warnings.push(this.warn('merge-ignored', r0, c0, 'Quá nhiều ô gộp: phần còn lại được bỏ qua.'));
        break;
      }
      budget -= cells;
      this.spanCols.set(a, c1 - c0 + 1);
      for (let r = r0; r <= r1; r++) {
        for (let c = c0; c <= c1; c++) if (r !== r0 || c !== c0) this.anchor.set(this.key(r, c), a);
      }
    }
  }

  private fixLegacy(s: string): string {
    return detectLegacy(s) === 'tcvn3' ? fromTcvn3(s) : s;
  }

  private checkText(): void {
    let untidy: [number, number] | null = null;
    let tcvn: [number, number] | null = null;
    let vni: [number, number] | null = null;
    let tcvnCount = 0;
    let vniCount = 0;
    this.grid.rows.forEach((row, r) => row.forEach((v, c) => {
      if (typeof v !== 'string') return;
      const clean = cleanText(v);
      if (!untidy && (wasUntidy(v, clean) || v !== v.normalize('NFC'))) untidy = [r, c];
      const legacy = detectLegacy(clean);
      if (legacy === 'tcvn3') { tcvnCount++; tcvn ??= [r, c]; }
      if (legacy === 'vni') { vniCount++; vni ??= [r, c]; }
    }));
    const u = untidy as [number, number] | null;
    const t = tcvn as [number, number] | null;
    const n = vni as [number, number] | null;
    if (u) this.warnings.push(this.warn('text-normalised', u[0], u[1], 'Văn bản có dấu dựng sẵn/tổ hợp (NFD) hoặc khoảng trắng lạ: đã chuẩn hóa về Unicode NFC.'));
    if (t) this.warnings.push(this.warn('legacy-font-converted', t[0], t[1], `${tcvnCount} ô gõ bằng phông TCVN3 (.VnTime): đã chuyển sang Unicode, hãy kiểm tra lại.`));
    if (n) this.warnings.push(this.warn('legacy-font', n[0], n[1], `${vniCount} ô có vẻ gõ bằng phông VNI: chưa chuyển được, hãy chuyển sang Unicode (Unikey: Công cụ chuyển mã) rồi nhập lại.`));
  }
}
