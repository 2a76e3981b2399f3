import type { RekapResponseDto } from '../../rombel/dto/rekap.dto';
import { type LegerColumn, legerTables, type LegerValue, SUBJECT_LEGEND } from '../leger';
import { angka, KOSONG } from '../rapor-content';
import type { Sekolah } from './letterhead';
import { drawLetterhead } from './letterhead';
import { type Column, drawFields, drawTable, ensureSpace, font, nextPageIndex, type Pdf, pdfText, stampFooters } from './pdf-doc';

const text = (v: LegerValue): string => (typeof v === 'number' ? angka(v) : (v ?? KOSONG));

function pdfColumns<R>(columns: ReadonlyArray<LegerColumn<R>>): Array<Column<R>> {
  return columns.map((c) => ({
    header: c.short ?? c.header,
    width: c.width,
    align: c.align ?? 'left',
    value: (r: R, i: number) => text(c.value(r, i)),
  }));
}

/**
 * The class recap (leger) on A4 landscape: letterhead, the rombel's header, the per-student table
 * (subjects abbreviated, with a legend), the per-subject summary and the class totals.
 */
export function drawRekap(doc: Pdf, rekap: RekapResponseDto, sekolah: Sekolah, waliKelas: string | null): void {
  const first = nextPageIndex(doc);
  doc.addPage();
  const left = doc.page.margins.left;
  const onNewPage = (): void => {
    font(doc, 8)
      .fillColor('#555555')
      .text(pdfText(`Rekap nilai ${rekap.rombel} · Semester ${rekap.semester} ${rekap.tahun_ajaran} (lanjutan)`));
    doc.fillColor('black').moveDown(0.5);
  };
  const { header, leger, mapel, totals } = legerTables(rekap, sekolah.nama_sekolah, waliKelas);
  drawLetterhead(doc, sekolah);
  font(doc, 12, true).text('REKAP NILAI KELAS (LEGER)', { align: 'center' });
  doc.moveDown(0.4);
  doc.y = drawFields(doc, header.slice(1), left, doc.y, [80, 300], 9) + 4;

  drawTable(doc, pdfColumns(leger.columns), leger.rows, { fontSize: 7, padding: 2.5, onNewPage });
  font(doc, 7).text(pdfText(SUBJECT_LEGEND), left, doc.y + 3);

  // The per-subject summary with the class totals beside it, kept together on one page.
  ensureSpace(doc, 40 + (mapel.rows.length + 1) * 16, onNewPage);
  const top = doc.y + 10;
  font(doc, 10, true).text('Rekap per mata pelajaran', left, top);
  const tableWidth = mapel.columns.reduce((sum, c) => sum + c.width, 0);
  const totalsX = left + tableWidth + 30;
  doc.text('Rekap kelas', totalsX, top);
  drawFields(
    doc,
    totals.map(([label, value]) => [label, text(value)]),
    totalsX,
    top + 17,
    [130, 80],
    9,
  );
  doc.y = top + 16;
  drawTable(doc, pdfColumns(mapel.columns), mapel.rows, { fontSize: 8, onNewPage });
  stampFooters(
    doc,
    first,
    (i, n) => `Rekap nilai ${rekap.rombel} · Semester ${rekap.semester} ${rekap.tahun_ajaran} · Halaman ${i} dari ${n}`,
  );
}
