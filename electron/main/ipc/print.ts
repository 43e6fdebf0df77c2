import path from 'node:path';
import { z } from 'zod';
import { CHANNEL, type PrintRequest, type PrintResult } from '../../../shared/platform/contract';
import { writeFileAtomic } from '../files';
import { handleChannel } from './handle';
import { askSavePath } from './saveFile';
import { fileName } from './schemas';

const printRequest = z.strictObject({ suggestedName: fileName, landscape: z.boolean() }) satisfies z.ZodType<PrintRequest>;

const withPdfExtension = (name: string) => (path.extname(name).toLowerCase() === '.pdf' ? name : `${name}.pdf`);

export function registerPrint(): void {
  handleChannel(CHANNEL.print, z.tuple([printRequest]), (): PrintResult => ({ ok: false, reason: 'rejected' }),
    async (event, [req]): Promise<PrintResult> => {
      let pdf: Buffer;
      try {
        // Render first, so the page printed is the one the user saw when asking; print styles
        // (A4, margins) come from the renderer's @page rules, which take precedence.
        // The report's own @page rules (A4, margins, page numbers from page 2) decide the layout.
        pdf = await event.sender.printToPDF({ pageSize: 'A4', landscape: req.landscape, printBackground: true, preferCSSPageSize: true, displayHeaderFooter: false });
      } catch {
        return { ok: false, reason: 'failed' };
      }
      const target = await askSavePath(event.sender, withPdfExtension(req.suggestedName));
      if (target === null) return { ok: false, reason: 'cancelled' };
      try {
        await writeFileAtomic(target, pdf);
      } catch {
        return { ok: false, reason: 'failed' };
      }
      return { ok: true, fileName: path.basename(target) };
    });
}
