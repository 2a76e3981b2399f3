import type { RaporCard } from '../rapor-card';
import { angka, deskripsi, fase, KOSONG, tanggalIndonesia, tuntas } from '../rapor-content';
import {
  type Column,
  contentWidth,
  drawFields,
  drawTable,
  ensureSpace,
  font,
  nextPageIndex,
  type Pdf,
  pdfText,
  stampFooters,
} from './pdf-doc';
import { drawLetterhead } from './letterhead';

/**
 * One report card (RAPOR.md), A4 portrait: letterhead, identity, the subjects table, rata-rata and
 * rank, attendance beside the wali kelas' note, the promotion decision (Genap), place and date, and
 * three signatures. Eleven subjects fit one page; whatever does not moves to a second page under a
 * running header with the student's name, and every page carries "Halaman i dari n".
 */
type MapelRow = RaporCard['mapel'][number] & { no: number };

const SUBJECT_COLUMNS = (width: number): Array<Column<MapelRow>> => {
  const fixed = 20 + 128 + 34 + 30 + 56;
  return [
    { header: 'No', width: 20, align: 'center', value: (r) => String(r.no) },
    { header: 'Mata Pelajaran', width: 128, value: (r) => r.nama },
    { header: 'Nilai', width: 34, align: 'center', value: (r) => angka(r.nilai), bold: () => true },
    { header: 'KKM', width: 30, align: 'center', value: (r) => String(r.kkm) },
    { header: 'Keterangan', width: 56, align: 'center', value: (r) => tuntas(r.nilai, r.kkm) },
    { header: 'Deskripsi Capaian Kompetensi', width: width - fixed, value: (r) => deskripsi(r.nama, r.nilai, r.kkm) },
  ];
};

function heading(doc: Pdf, text: string): void {
  font(doc, 10, true).text(text, doc.page.margins.left, doc.y + 6);
  doc.moveDown(0.25);
}

function identity(doc: Pdf, c: RaporCard): void {
  const left = doc.page.margins.left;
  const half = contentWidth(doc) / 2;
  const y = doc.y;
  const a = drawFields(
    doc,
    [
      ['Nama Peserta Didik', c.siswa.nama],
      ['NIS', c.siswa.nis],
      ['NISN', c.siswa.nisn ?? KOSONG],
    ],
    left,
    y,
    [92, half - 100],
    9,
  );
  const b = drawFields(
    doc,
    [
      ['Kelas', c.rombel.nama],
      ['Fase / Tingkat', `${fase(c.rombel.tingkat)} / ${c.rombel.tingkat}`],
      ['Semester', `${c.semester === 'Ganjil' ? '1 (Ganjil)' : '2 (Genap)'}`],
      ['Tahun Pelajaran', c.tahun_ajaran],
    ],
    left + half + 10,
    y,
    [80, half - 90],
    9,
  );
  doc.y = Math.max(a, b) + 2;
}

function continuationHeader(doc: Pdf, c: RaporCard): () => void {
  return () => {
    font(doc, 8).fillColor('#555555');
    doc.text(
      pdfText(`Rapor ${c.siswa.nama} (NIS ${c.siswa.nis}) · ${c.rombel.nama} · Semester ${c.semester} ${c.tahun_ajaran} (lanjutan)`),
    );
    doc.fillColor('black').moveDown(0.5);
  };
}

/** Sakit / izin / tanpa keterangan at the left, the wali kelas' note (prestasi) at the right. */
function attendanceAndNotes(doc: Pdf, c: RaporCard, onNewPage: () => void): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const attendanceWidth = 200;
  const noteX = left + attendanceWidth + 16;
  const noteWidth = width - attendanceWidth - 16;
  const catatan = c.prestasi?.catatan?.trim() || KOSONG;
  const noteText = pdfText(c.prestasi ? `Kategori prestasi: ${c.prestasi.kategori}.\n${catatan}` : KOSONG);
  const noteHeight = Math.max(54, font(doc, 9).heightOfString(noteText, { width: noteWidth - 8 }) + 8);
  ensureSpace(doc, 18 + Math.max(noteHeight, 54), onNewPage);
  const top = doc.y + 6;
  font(doc, 10, true).text('B. Ketidakhadiran', left, top);
  doc.text('C. Catatan Wali Kelas', noteX, top);
  const y = top + 16;
  const days = (n: number | undefined): string => (n === undefined ? KOSONG : `${n} hari`);
  doc.lineWidth(0.5);
  const rows: Array<[string, string]> = [
    ['Sakit', days(c.presensi?.sakit)],
    ['Izin', days(c.presensi?.izin)],
    ['Tanpa Keterangan', days(c.presensi?.alpa)],
  ];
  rows.forEach(([label, value], i) => {
    const rowY = y + i * 18;
    doc.rect(left, rowY, 130, 18).stroke();
    doc.rect(left + 130, rowY, attendanceWidth - 130, 18).stroke();
    font(doc, 9).text(label, left + 4, rowY + 5, { width: 122 });
    font(doc, 9, true).text(value, left + 134, rowY + 5, { width: attendanceWidth - 138, align: 'center' });
  });
  doc.rect(noteX, y, noteWidth, noteHeight).stroke();
  font(doc, 9).text(noteText, noteX + 4, y + 4, { width: noteWidth - 8 });
  doc.x = left;
  doc.y = y + Math.max(noteHeight, 54) + 4;
}

function signatures(doc: Pdf, c: RaporCard, onNewPage: () => void): void {
  ensureSpace(doc, 120, onNewPage);
  const left = doc.page.margins.left;
  const col = contentWidth(doc) / 3;
  const place = `${pdfText(c.sekolah.kota ?? KOSONG)}, ${tanggalIndonesia(c.tanggal)}`;
  const top = doc.y + 12;
  font(doc, 9).text(place, left + 2 * col, top, { width: col, align: 'center' });
  const roleY = top + 13;
  const blocks: Array<[string, string | null, string | null]> = [
    ['Orang Tua/Wali', null, null],
    ['Wali Kelas', c.rombel.wali_kelas, c.rombel.nip_wali_kelas],
    ['Kepala Sekolah', c.sekolah.kepala_sekolah, c.sekolah.nip_kepala_sekolah],
  ];
  blocks.forEach(([role, name, nip], i) => {
    const x = left + i * col;
    font(doc, 9).text(role, x, roleY, { width: col, align: 'center' });
    const nameY = roleY + 52;
    if (i === 0) {
      doc
        .moveTo(x + 25, nameY + 10)
        .lineTo(x + col - 25, nameY + 10)
        .dash(1, { space: 2 })
        .stroke()
        .undash();
    } else {
      font(doc, 9, true).text(pdfText(name ?? KOSONG), x + 4, nameY, { width: col - 8, align: 'center', underline: Boolean(name) });
      font(doc, 9).text(`NIP. ${pdfText(nip ?? KOSONG)}`, x + 4, doc.y + 1, { width: col - 8, align: 'center' });
    }
  });
  doc.x = left;
}

/** Draws one student's report card starting on a new page, with its own page numbering. */
export function drawRapor(doc: Pdf, c: RaporCard): void {
  const first = nextPageIndex(doc);
  doc.addPage();
  const onNewPage = continuationHeader(doc, c);
  drawLetterhead(doc, c.sekolah);
  font(doc, 12, true).text('LAPORAN HASIL BELAJAR (RAPOR)', { align: 'center' });
  doc.moveDown(0.6);
  identity(doc, c);

  heading(doc, 'A. Nilai Akademik');
  const rows = c.mapel.map((m, i) => ({ ...m, no: i + 1 }));
  drawTable(doc, SUBJECT_COLUMNS(contentWidth(doc)), rows, { fontSize: 8, onNewPage });
  ensureSpace(doc, 16, onNewPage);
  const rank = c.peringkat === null ? KOSONG : `${c.peringkat} dari ${c.jumlah_siswa} peserta didik`;
  font(doc, 9).text(`Rata-rata nilai: `, doc.page.margins.left, doc.y + 5, { continued: true });
  font(doc, 9, true).text(angka(c.rata_rata), { continued: true });
  font(doc, 9).text(`      Peringkat di kelas: `, { continued: true });
  font(doc, 9, true).text(rank);

  attendanceAndNotes(doc, c, onNewPage);
  if (c.keputusan) {
    ensureSpace(doc, 24, onNewPage);
    font(doc, 10, true).text('D. Keputusan', doc.page.margins.left, doc.y + 6);
    font(doc, 9).text('Berdasarkan hasil yang dicapai pada semester 1 dan 2, peserta didik ditetapkan: ', { continued: true });
    font(doc, 9, true).text(pdfText(c.keputusan));
  }
  signatures(doc, c, onNewPage);
  stampFooters(
    doc,
    first,
    (i, n) => `Rapor ${c.siswa.nama} · NIS ${c.siswa.nis} · Semester ${c.semester} ${c.tahun_ajaran} · Halaman ${i} dari ${n}`,
  );
}
