import { Logger, StreamableFile } from '@nestjs/common';
import PDFDocument from 'pdfkit';

/**
 * The small PDF toolkit the report card and the class recap share: an A4 document with pdfkit's
 * standard fonts (no font files, no network), text reduced to what those fonts can show, tables
 * that wrap their cells and break across pages, footers stamped once a document's pages are known,
 * and the streamed download.
 */
export type Pdf = PDFKit.PDFDocument;

export const MARGIN = 36;
/** Room under the bottom margin for the footer line. */
const FOOTER_SPACE = 14;
const FONT = 'Helvetica';
const FONT_BOLD = 'Helvetica-Bold';
const LINE = '#444444';
const HEADER_FILL = '#e8e8e8';

const logger = new Logger('Pdf');

export function createPdf(options: { title: string; landscape?: boolean }): Pdf {
  return new PDFDocument({
    size: 'A4',
    layout: options.landscape ? 'landscape' : 'portrait',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_SPACE },
    autoFirstPage: false,
    // Kept until the footers ("Halaman 1 dari 2") are stamped, then flushed page group by page group.
    bufferPages: true,
    lang: 'id-ID',
    info: { Title: pdfText(options.title), Creator: 'EduPro', Producer: 'EduPro' },
  });
}

// The standard fonts encode WinAnsi: Latin-1 and these; anything else would print as garbage.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const encodable = (ch: string): boolean => {
  const c = ch.codePointAt(0) as number;
  return (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || WIN_ANSI_EXTRA.has(ch);
};

/**
 * Text as the standard fonts can print it: `Ṣ` loses its dot (`S`), other letters outside WinAnsi
 * become `?`, control characters a space. Names in Indonesian schools are almost always Latin.
 */
export function pdfText(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    if (encodable(ch)) out += ch;
    else if (/\p{Cc}/u.test(ch)) out += ' ';
    else {
      const base = ch.normalize('NFKD').replace(/\p{M}/gu, '');
      out += base !== '' && [...base].every(encodable) ? base : '?';
    }
  }
  return out;
}

export const contentWidth = (doc: Pdf): number => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const pageBottom = (doc: Pdf): number => doc.page.height - doc.page.margins.bottom;

export function font(doc: Pdf, size: number, bold = false): Pdf {
  return doc.font(bold ? FONT_BOLD : FONT).fontSize(size);
}

/** Starts a new page when `height` does not fit below the cursor; `onNewPage` draws the running header. */
export function ensureSpace(doc: Pdf, height: number, onNewPage: () => void): void {
  if (doc.y + height <= pageBottom(doc)) return;
  doc.addPage();
  onNewPage();
}

export interface Column<R> {
  header: string;
  width: number;
  align?: 'left' | 'center' | 'right';
  value: (row: R, index: number) => string;
  bold?: (row: R) => boolean;
}

export interface TableOptions {
  fontSize: number;
  padding?: number;
  /** Draws the running header of a continuation page (the table header is repeated after it). */
  onNewPage: () => void;
}

function cellHeight(doc: Pdf, text: string, width: number, padding: number): number {
  return doc.heightOfString(text, { width: width - 2 * padding }) + 2 * padding;
}

function drawRow(
  doc: Pdf,
  cells: Array<{ text: string; width: number; align: string; bold: boolean }>,
  fill: string | null,
  o: TableOptions,
): void {
  const pad = o.padding ?? 3;
  const height = Math.max(...cells.map((c) => cellHeight(font(doc, o.fontSize, c.bold), c.text, c.width, pad)));
  ensureSpace(doc, height, o.onNewPage);
  const y = doc.y;
  let x = doc.page.margins.left;
  for (const c of cells) {
    if (fill) doc.rect(x, y, c.width, height).fillAndStroke(fill, LINE);
    else doc.rect(x, y, c.width, height).stroke(LINE);
    font(doc, o.fontSize, c.bold)
      .fillColor('black')
      .text(c.text, x + pad, y + pad, { width: c.width - 2 * pad, align: c.align as 'left' });
    x += c.width;
  }
  doc.x = doc.page.margins.left;
  doc.y = y + height;
}

/** A bordered table at the left margin; rows wrap their text, and a page break repeats the header. */
export function drawTable<R>(doc: Pdf, columns: ReadonlyArray<Column<R>>, rows: readonly R[], o: TableOptions): void {
  doc.lineWidth(0.5);
  const header = columns.map((c) => ({ text: pdfText(c.header), width: c.width, align: 'center', bold: true }));
  const drawHeader = (): void => drawRow(doc, header, HEADER_FILL, o);
  const options: TableOptions = {
    ...o,
    onNewPage: () => {
      o.onNewPage();
      drawHeader();
    },
  };
  drawHeader();
  for (const [index, row] of rows.entries()) {
    const cells = columns.map((c) => ({
      text: pdfText(c.value(row, index)),
      width: c.width,
      align: c.align ?? 'left',
      bold: c.bold?.(row) ?? false,
    }));
    drawRow(doc, cells, null, options);
  }
}

/** Label–value lines (`Nama Peserta Didik : Ani`) in a column at `x`; returns the y below them. */
export function drawFields(
  doc: Pdf,
  fields: ReadonlyArray<[string, string]>,
  x: number,
  y: number,
  widths: [number, number],
  size: number,
): number {
  let cursor = y;
  for (const [label, value] of fields) {
    font(doc, size).text(pdfText(label), x, cursor, { width: widths[0] });
    doc.text(':', x + widths[0], cursor, { width: 8 });
    font(doc, size, true).text(pdfText(value), x + widths[0] + 8, cursor, { width: widths[1] - 8 });
    cursor = Math.max(cursor + doc.currentLineHeight(true), doc.y) + 1;
  }
  doc.x = doc.page.margins.left;
  return cursor;
}

/**
 * Writes a footer on each page from `from` (an index into the buffered pages) to the last one,
 * `text(i, n)` with the page's number within that group, then hands the pages to the output stream.
 */
export function stampFooters(doc: Pdf, from: number, text: (page: number, pages: number) => string): void {
  const range = doc.bufferedPageRange();
  const end = range.start + range.count;
  for (let i = from; i < end; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    // Below the bottom margin pdfkit would open a new page for the text: lift the margin meanwhile.
    doc.page.margins.bottom = 0;
    font(doc, 7)
      .fillColor('#555555')
      .text(pdfText(text(i - from + 1, end - from)), doc.page.margins.left, doc.page.height - MARGIN - 4, {
        width: contentWidth(doc),
        align: 'right',
        lineBreak: false,
      });
    doc.fillColor('black');
    doc.page.margins.bottom = bottom;
  }
  doc.flushPages();
}

/** The index the next added page will have (for stampFooters). */
export function nextPageIndex(doc: Pdf): number {
  const range = doc.bufferedPageRange();
  return range.start + range.count;
}

/**
 * Renders one page group per item, the first at once (a failure there is still a problem+json
 * answer) and the rest one per event-loop turn, so a class of forty does not hold the process for
 * its whole file; then ends the document. A failure after the headers went out aborts the download
 * instead of ending a truncated file as if it were whole.
 */
export function renderAll<T>(doc: Pdf, items: readonly T[], render: (item: T) => void): void {
  if (items.length > 0) render(items[0]);
  void (async () => {
    try {
      for (const item of items.slice(1)) {
        await new Promise((resolve) => setImmediate(resolve));
        render(item);
      }
      doc.end();
    } catch (error) {
      logger.error({ err: error }, 'PDF rendering failed');
      doc.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  })();
}

/** The PDF as a download; `fileName` must already be safe (ASCII letters, digits, dashes). */
export function pdfDownload(doc: Pdf, fileName: string): StreamableFile {
  return new StreamableFile(doc, { type: 'application/pdf', disposition: `attachment; filename=${fileName}` });
}
