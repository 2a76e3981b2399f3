import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import type { ExportColumn } from './sheet-columns';
import { writeXlsxSheet } from './xlsx-writer';

interface Row {
  id: number;
  text: string | null;
  score: number | null;
}

const COLUMNS: ReadonlyArray<ExportColumn<Row>> = [
  { header: 'ID', value: (r) => r.id, width: 8 },
  { header: 'Teks <&>', value: (r) => r.text },
  { header: 'Nilai', value: (r) => r.score },
];

async function* batches(rows: Row[], size: number): AsyncGenerator<Row[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

async function written(rows: Row[]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await writeXlsxSheet(out, 'Data "Nilai" & Co', COLUMNS, batches(rows, 7));
  return Buffer.concat(chunks);
}

/** Every part's name and inflated size, read with yauzl checking the sizes the headers declare. */
function parts(file: Buffer): Promise<Map<string, number>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(file, { lazyEntries: true, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const found = new Map<string, number>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          let size = 0;
          stream.on('data', (c: Buffer) => (size += c.length));
          stream.on('end', () => {
            found.set(entry.fileName, size);
            zip.readEntry();
          });
          stream.on('error', reject);
        });
      });
      zip.on('end', () => resolve(found));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

describe('writeXlsxSheet', () => {
  const tricky = ['<b>tebal</b> & "kutip"', '  spasi di depan', 'baris\nbaru', 'kontrol\u0001dibuang', 'Élodie Ñoño 日本', '=1+1', ''];
  const rows: Row[] = Array.from({ length: 50 }, (_, i) => ({
    id: i + 1,
    text: i < tricky.length ? tricky[i]! : i % 5 === 0 ? null : `Siswa ${i}`,
    score: i % 4 === 0 ? null : i % 3 === 0 ? -i : i + 0.25,
  }));

  it('is a valid zip whose sheet exceljs reads back cell for cell', async () => {
    const file = await written(rows);
    const names = [...(await parts(file)).keys()];
    expect(names).toEqual(['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/worksheets/sheet1.xml']);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Data "Nilai" & Co')!;
    expect(sheet).toBeDefined();
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['ID', 'Teks <&>', 'Nilai']);
    expect(sheet.getColumn(1).width).toBe(8);
    expect(sheet.actualRowCount).toBe(rows.length + 1);
    rows.forEach((r, i) => {
      const row = sheet.getRow(i + 2);
      expect(row.getCell(1).value).toBe(r.id);
      const text = r.text === null || r.text === '' ? null : r.text.replace('\u0001', '');
      expect(row.getCell(2).value).toBe(text);
      expect(row.getCell(3).value).toBe(r.score);
    });
  });

  it('formula-looking text stays text (an inline string, not a formula)', async () => {
    const file = await written(rows);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
    const cell = workbook.worksheets[0]!.getRow(7).getCell(2);
    expect(cell.value).toBe('=1+1');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
  });
});
