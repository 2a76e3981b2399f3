import { readPdf } from '../../../test/utils/pdf';
import { type Column, createPdf, drawTable, font, nextPageIndex, type Pdf, pdfText, renderAll, stampFooters } from './pdf-doc';

/** Renders page groups into one PDF and reads its text back. */
async function render<T>(items: T[], draw: (doc: Pdf, item: T) => void, landscape = false): Promise<{ pages: string[]; bytes: Buffer }> {
  const doc = createPdf({ title: 'Uji', landscape });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  renderAll(doc, items, (item) => draw(doc, item));
  await ended;
  const bytes = Buffer.concat(chunks);
  return { pages: (await readPdf(bytes)).pages, bytes };
}

describe('pdfText', () => {
  it('keeps what the standard fonts print and reduces the rest', () => {
    expect(pdfText('Ani Lestari – “81,5” é €')).toBe('Ani Lestari – “81,5” é €');
    expect(pdfText('Ṣiti Nur‘aini')).toBe('Siti Nur‘aini');
    expect(pdfText('Ā Ă ş')).toBe('A A s');
    expect(pdfText('学生 😀')).toBe('?? ?');
    expect(pdfText('a\tb\nc\u0000')).toBe('a b c ');
  });
});

describe('drawTable and the page helpers', () => {
  const columns: Array<Column<number>> = [
    { header: 'No', width: 30, value: (_, i) => String(i + 1) },
    { header: 'Nilai', width: 60, value: (n) => `nilai-${n}` },
    { header: 'Catatan', width: 200, value: (n) => (n === 3 ? 'kata '.repeat(60) : 'singkat') },
  ];

  it('wraps long cells, breaks onto new pages with the running header and the table header again', async () => {
    const rows = Array.from({ length: 80 }, (_, i) => i);
    const { pages } = await render([rows], (doc, r) => {
      const first = nextPageIndex(doc);
      doc.addPage();
      drawTable(doc, columns, r, { fontSize: 9, onNewPage: () => font(doc, 8).text('LANJUTAN') });
      stampFooters(doc, first, (i, n) => `Hal ${i}/${n}`);
    });
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((p, i) => {
      expect(p).toContain('No Nilai Catatan');
      expect(p).toContain(`Hal ${i + 1}/${pages.length}`);
      if (i > 0) expect(p).toMatch(/^LANJUTAN/);
    });
    const all = pages.join('\n');
    for (const r of rows) expect(all).toContain(`nilai-${r} `);
    // The long cell wrapped: its words are there, over several lines.
    expect(all.match(/kata/g)).toHaveLength(60);
  });

  it('numbers pages within each group, each group from a new page', async () => {
    const { pages, bytes } = await render(
      [1, 3, 2],
      (doc, n) => {
        const first = nextPageIndex(doc);
        doc.addPage();
        for (let i = 1; i < n; i++) doc.addPage();
        stampFooters(doc, first, (i, total) => `Grup ${n}: ${i} dari ${total}`);
      },
      true,
    );
    expect(pages.map((p) => /Grup \d: \d dari \d/.exec(p)?.[0])).toEqual([
      'Grup 1: 1 dari 1',
      'Grup 3: 1 dari 3',
      'Grup 3: 2 dari 3',
      'Grup 3: 3 dari 3',
      'Grup 2: 1 dari 2',
      'Grup 2: 2 dari 2',
    ]);
    expect(bytes.toString('latin1')).toMatch(/\/MediaBox \[0 0 841\.89 595\.28\]/);
  });
});
