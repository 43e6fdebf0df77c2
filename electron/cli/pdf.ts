// HTML → PDF with headless Chromium through playwright-core, for `planbook report --format pdf`
// (the app itself prints through Electron's webContents.printToPDF). Chromium is found at
// CHROMIUM_PATH or Debian's /usr/bin/chromium; without it the caller says so plainly.
import { existsSync } from 'node:fs';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export type PdfResult = { ok: true; bytes: Uint8Array } | { ok: false; reason: 'no-chromium' | 'no-playwright' | 'failed'; message: string };

export function chromiumPath(env: Record<string, string | undefined> = process.env): string {
  return env.CHROMIUM_PATH && env.CHROMIUM_PATH !== '' ? env.CHROMIUM_PATH : DEFAULT_CHROMIUM;
}

type Page = {
  setContent(html: string, o: { waitUntil: 'load' }): Promise<void>;
  evaluate<T>(fn: () => T | Promise<T>): Promise<T>;
  pdf(o: { format: 'A4'; preferCSSPageSize: boolean; printBackground: boolean; displayHeaderFooter: boolean; tagged: boolean; outline: boolean }): Promise<Uint8Array>;
};
type Browser = { newPage(): Promise<Page>; close(): Promise<void> };
type Chromium = { launch(o: { executablePath: string; args: string[]; headless: boolean }): Promise<Browser> };

/**
 * playwright-core is loaded at run time by a name esbuild cannot follow, so the CLI bundle stays
 * small and the module resolves from node_modules like any dependency.
 */
async function loadChromium(): Promise<Chromium | null> {
  const name = 'playwright-core';
  try {
    const mod = (await import(name)) as { chromium?: Chromium; default?: { chromium?: Chromium } };
    return mod.chromium ?? mod.default?.chromium ?? null;
  } catch {
    return null;
  }
}

/**
 * Prints a standalone report document (renderReportHtml) to PDF: A4 from its @page rule, page
 * numbers from its margin boxes (no header template: the page number must not print on page 1).
 * Waits for the fonts, so the embedded font is the bundled one and not a fallback.
 */
export async function htmlToPdf(html: string, env: Record<string, string | undefined> = process.env): Promise<PdfResult> {
  const executablePath = chromiumPath(env);
  if (!existsSync(executablePath))
    return { ok: false, reason: 'no-chromium', message: `Chromium not found at ${executablePath} (set CHROMIUM_PATH); use --format html and print it from a browser` };
  const chromium = await loadChromium();
  if (!chromium) return { ok: false, reason: 'no-playwright', message: 'playwright-core is not installed; use --format html and print it from a browser' };
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({
      executablePath, headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(async () => { await (globalThis as unknown as { document: { fonts: { ready: Promise<unknown> } } }).document.fonts.ready; });
    const bytes = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true, displayHeaderFooter: false, tagged: true, outline: false });
    return { ok: true, bytes: new Uint8Array(bytes) };
  } catch (e) {
    return { ok: false, reason: 'failed', message: `Chromium could not print the report: ${e instanceof Error ? e.message : String(e)}` };
  } finally {
    await browser?.close().catch(() => undefined);
  }
}
