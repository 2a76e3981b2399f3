import { dirname } from 'node:path';
import type { Response } from 'superagent';

/** A supertest parser that keeps a binary body (PDF, xlsx) as one Buffer. */
export function binaryBody(res: Response, cb: (err: Error | null, body: Buffer) => void): void {
  const parts: Buffer[] = [];
  res.on('data', (c: Buffer) => parts.push(c));
  res.on('end', () => cb(null, Buffer.concat(parts)));
}

export interface PdfContent {
  /** Every page's text in order. */
  pages: string[];
  text: string;
  total: number;
}

/** The text of a PDF as pdf-parse reads it back, page by page, with runs of blanks made one space. */
export async function readPdf(data: Buffer): Promise<PdfContent> {
  /* eslint-disable @typescript-eslint/no-require-imports -- pdf-parse and pdf.js's worker load as CommonJS under jest */
  const { PDFParse } = require('pdf-parse') as typeof import('pdf-parse');
  // pdf.js in Node runs its worker in-process, loading it with import(), which jest's CommonJS
  // sandbox refuses; handed the worker module as a global, pdf.js uses it directly.
  const g = globalThis as { pdfjsWorker?: unknown };
  g.pdfjsWorker ??= require(require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs', { paths: [dirname(require.resolve('pdf-parse'))] }));
  /* eslint-enable @typescript-eslint/no-require-imports */
  const parser = new PDFParse({ data });
  try {
    const result = await parser.getText();
    const pages = result.pages.map((p) => p.text.replace(/[ \t]+/g, ' '));
    return { pages, text: pages.join('\n'), total: result.total };
  } finally {
    await parser.destroy();
  }
}
