/**
 * The early-warning list as files: Peringatan_Dini.xlsx (the shared streamed writer) and
 * Peringatan_Dini.pdf (pdfkit, A4 landscape, one table row per student, page numbers).
 */
import { StreamableFile } from '@nestjs/common';
import PDFDocument from 'pdfkit';
import { msg } from '../i18n/catalogue';
import { t } from '../i18n/language';
import { streamExport } from '../common/spreadsheet/export-stream';
import type { SpreadsheetSpec } from '../common/spreadsheet/sheet-columns';
import type { PeringatanItemDto } from './dto/peringatan-dini.dto';
import type { PeringatanList } from './peringatan-dini.service';

export const PERINGATAN_FILE = 'Peringatan_Dini';

const alasanText = (r: PeringatanItemDto): string => r.alasan.map((a) => a.teks).join('; ');
const saranText = (r: PeringatanItemDto): string => r.saran?.teks ?? '';

const SHEET: SpreadsheetSpec<PeringatanItemDto & { no: number }> = {
  fileBase: PERINGATAN_FILE,
  sheetName: 'Peringatan Dini',
  importColumns: [],
  exportColumns: [
    { header: 'No', value: (r) => r.no, width: 6 },
    { header: 'Siswa ID', value: (r) => r.siswa_id, width: 10 },
    { header: 'NIS', value: (r) => r.nis, width: 14 },
    { header: 'Nama', value: (r) => r.nama, width: 28 },
    { header: 'Kelas', value: (r) => r.kelas, width: 12 },
    { header: 'Data Semester', value: (r) => `${r.data_dari.semester} ${r.data_dari.tahun_ajaran}`, width: 18 },
    { header: 'Prediksi Untuk', value: (r) => `${r.prediksi_untuk.semester} ${r.prediksi_untuk.tahun_ajaran}`, width: 18 },
    { header: 'Prediksi Prestasi', value: (r) => r.prediksi_prestasi, width: 16 },
    { header: 'Confidence', value: (r) => r.confidence, width: 12 },
    { header: 'Prestasi Terakhir', value: (r) => r.prestasi_terakhir, width: 16 },
    { header: 'Alasan', value: alasanText, width: 60 },
    { header: 'Jalur Keputusan', value: (r) => r.jalur_keputusan, width: 60 },
    { header: 'Saran', value: saranText, width: 60 },
    { header: 'Rata-rata', value: (r) => r.tren.rata_rata, width: 10 },
    { header: 'Rata-rata Sebelumnya', value: (r) => r.tren.rata_rata_sebelumnya, width: 12 },
    { header: 'Persentase Kehadiran', value: (r) => r.tren.persentase_kehadiran, width: 12 },
    { header: 'Kategori Kehadiran', value: (r) => r.tren.kategori_kehadiran, width: 12 },
    { header: 'Kategori Kehadiran Sebelumnya', value: (r) => r.tren.kategori_kehadiran_sebelumnya, width: 12 },
  ],
};

export function peringatanXlsx(list: PeringatanList): StreamableFile {
  async function* batches(): AsyncIterable<Array<PeringatanItemDto & { no: number }>> {
    yield list.items.map((r, i) => ({ ...r, no: i + 1 }));
  }
  return streamExport('xlsx', SHEET, batches());
}

/** The PDF standard fonts speak WinAnsi only: the few symbols our texts use get ASCII spellings. */
function winAnsi(text: string): string {
  return text
    .replace(/≥/g, '>=')
    .replace(/≤/g, '<=')
    .replace(/≠/g, '!=')
    .replace(/→/g, '->')
    .replace(/−/g, '-')
    .replace(/[^\u0020-\u007e\u00a0-\u00ff\n]/g, '?');
}

const PAGE = { margin: 36, width: 842, height: 595 };
const WIDTHS = [26, 150, 64, 78, 232, 220];
const FONT_SIZE = 8;
const PAD = 3;

function row(doc: PDFKit.PDFDocument, cells: string[], y: number, bold: boolean): number {
  doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(FONT_SIZE);
  const texts = cells.map(winAnsi);
  const height = Math.max(...texts.map((c, i) => doc.heightOfString(c, { width: WIDTHS[i] - 2 * PAD }))) + 2 * PAD;
  let x = PAGE.margin;
  texts.forEach((c, i) => {
    doc.rect(x, y, WIDTHS[i], height).stroke('#999999');
    doc.fillColor('black').text(c, x + PAD, y + PAD, { width: WIDTHS[i] - 2 * PAD });
    x += WIDTHS[i];
  });
  return y + height;
}

export async function peringatanPdf(list: PeringatanList, heading: string): Promise<StreamableFile> {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: PAGE.margin, bufferPages: true });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const bottom = PAGE.height - PAGE.margin - 16;
  const header = t(msg('PERINGATAN_PDF_KOLOM')).split('|');
  doc
    .font('Helvetica-Bold')
    .fontSize(14)
    .text(winAnsi(t(msg('PERINGATAN_PDF_JUDUL'))));
  doc.font('Helvetica').fontSize(9).text(winAnsi(heading));
  doc.moveDown(0.5);
  let y = row(doc, header, doc.y, true);
  if (list.items.length === 0)
    doc
      .font('Helvetica')
      .fontSize(10)
      .text(winAnsi(t(msg('PERINGATAN_PDF_KOSONG'))), PAGE.margin, y + 8);
  list.items.forEach((r, i) => {
    const cells = [
      String(i + 1),
      `${r.nama}\nNIS ${r.nis}`,
      r.kelas,
      `${r.prediksi_prestasi} (${Math.round(r.confidence * 100)} %)`,
      r.alasan.map((a) => `- ${a.teks}`).join('\n'),
      r.saran?.teks ?? t(msg('PERINGATAN_TANPA_SARAN')),
    ];
    doc.font('Helvetica').fontSize(FONT_SIZE);
    const needed = Math.max(...cells.map((c, j) => doc.heightOfString(winAnsi(c), { width: WIDTHS[j] - 2 * PAD }))) + 2 * PAD;
    if (y + needed > bottom) {
      doc.addPage();
      y = row(doc, header, PAGE.margin, true);
    }
    y = row(doc, cells, y, false);
  });
  const range = doc.bufferedPageRange();
  for (let p = range.start; p < range.start + range.count; p++) {
    doc.switchToPage(p);
    // Writing into the bottom margin would otherwise start a new page.
    doc.page.margins.bottom = 0;
    const footer = winAnsi(t(msg('PERINGATAN_PDF_HALAMAN', { page: p + 1, pages: range.count })));
    doc
      .font('Helvetica')
      .fontSize(8)
      .text(footer, PAGE.margin, PAGE.height - PAGE.margin - 8, { width: PAGE.width - 2 * PAGE.margin, align: 'right', lineBreak: false });
  }
  doc.end();
  await done;
  return new StreamableFile(Buffer.concat(chunks), { type: 'application/pdf', disposition: `attachment; filename=${PERINGATAN_FILE}.pdf` });
}
