/**
 * `npm run bench:rapor`: how long the report cards and the recap exports take to draw, in process
 * (no database: the data of a class is built here, shaped as RaporService and RekapService hand
 * it over). A class of RAPOR_BENCH_STUDENTS (default 40) with a logo: the class PDF (every card,
 * one per event-loop turn), one card, the landscape recap PDF and the recap xlsx; RAPOR_BENCH_REPS
 * (default 5) repetitions, medians. "Longest block" is the longest single card's drawing — the
 * longest the class file keeps the event loop from other requests. Prints a Markdown table.
 */
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { REPORT_SUBJECTS } from '../src/nilai/nilai-subjects';
import { createPdf, type Pdf, renderAll } from '../src/rapor/pdf/pdf-doc';
import { drawRapor } from '../src/rapor/pdf/rapor-layout';
import { drawRekap } from '../src/rapor/pdf/rekap-layout';
import type { RaporCard } from '../src/rapor/rapor-card';
import { NAMA_MAPEL } from '../src/rapor/rapor-content';
import { rekapWorkbook } from '../src/rapor/rekap-excel';
import type { RekapResponseDto } from '../src/rombel/dto/rekap.dto';
import { png } from '../test/factories/png';

const STUDENTS = Number(process.env.RAPOR_BENCH_STUDENTS ?? 40);
const REPS = Number(process.env.RAPOR_BENCH_REPS ?? 5);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

const sekolah = {
  nama_sekolah: 'SMA Negeri 1 Nusantara',
  npsn: '20500001',
  alamat: 'Jl. Pendidikan No. 1',
  kota: 'Surabaya',
  kepala_sekolah: 'Drs. H. Sutrisno, M.Pd.',
  nip_kepala_sekolah: '196805121994031007',
  logo: png(128, 128),
};
const score = (i: number, j: number): number => 60 + ((i * 7 + j * 13) % 40) + (i % 2) / 2;

const card = (i: number): RaporCard => ({
  sekolah,
  siswa: { id: i, nama: `Siswa Nomor ${i}`, nis: `N${10000 + i}`, nisn: `00${70000000 + i}` },
  rombel: { nama: 'XI IPA 1', tingkat: 11, wali_kelas: 'Siti Rahmawati, S.Pd.', nip_wali_kelas: '198001012005012001' },
  tahun_ajaran: '2025/2026',
  semester: 'Genap',
  mapel: REPORT_SUBJECTS.map((s, j) => ({ nama: NAMA_MAPEL[s.field as keyof typeof NAMA_MAPEL], nilai: score(i, j), kkm: 75 })),
  rata_rata: 80.5,
  peringkat: i + 1,
  jumlah_siswa: STUDENTS,
  presensi: { sakit: i % 3, izin: i % 2, alpa: i % 4 },
  prestasi: { kategori: 'Sedang', catatan: 'Aktif bertanya dan membantu teman di kelas.' },
  keputusan: 'Naik ke kelas XII IPA 1',
  tanggal: '2026-06-20',
});

const rekap: RekapResponseDto = {
  rombel_id: 1,
  rombel: 'XI IPA 1',
  tahun_ajaran: '2025/2026',
  semester: 'Genap',
  mapel: REPORT_SUBJECTS.map((s) => ({
    mapel: s.field,
    kkm: 75,
    rata_rata: 78.3,
    min: 60,
    max: 99.5,
    jumlah_nilai: STUDENTS,
    jumlah_di_bawah_kkm: 9,
  })),
  siswa: Array.from({ length: STUDENTS }, (_, i) => ({
    siswa_id: i,
    nama: `Siswa Nomor ${i}`,
    nis: `N${10000 + i}`,
    nilai: Object.fromEntries(REPORT_SUBJECTS.map((s, j) => [s.field, score(i, j)])),
    rata_rata: 80.5,
    peringkat: i + 1,
    persentase_kehadiran: 95.5,
    kategori_kehadiran: 'Tinggi',
    prestasi: 'Sedang',
  })),
  total: {
    jumlah_siswa: STUDENTS,
    jumlah_dengan_nilai: STUDENTS,
    rata_rata: 80.5,
    min: 70,
    max: 90,
    persentase_kehadiran: 95,
    prestasi: { Tinggi: 10, Sedang: 20, Rendah: 10 },
  },
};

/** Draws the items into one PDF until it has ended; the time to the last byte, its size and the longest draw. */
async function timePdf<T>(
  items: T[],
  draw: (doc: Pdf, item: T) => void,
  landscape = false,
): Promise<{ ms: number; bytes: number; block: number }> {
  const started = performance.now();
  const doc = createPdf({ title: 'bench', landscape });
  let bytes = 0;
  let block = 0;
  doc.on('data', (c: Buffer) => (bytes += c.length));
  const ended = new Promise((resolve) => doc.on('end', resolve));
  renderAll(doc, items, (item) => {
    const t = performance.now();
    draw(doc, item);
    block = Math.max(block, performance.now() - t);
  });
  await ended;
  return { ms: performance.now() - started, bytes, block };
}

async function main(): Promise<void> {
  const cards = Array.from({ length: STUDENTS }, (_, i) => card(i));
  const runs = {
    kelas: [] as Array<{ ms: number; bytes: number; block: number }>,
    satu: [] as number[],
    rekapPdf: [] as number[],
    xlsx: [] as number[],
  };
  let xlsxBytes = 0;
  let rekapBytes = 0;
  for (let r = 0; r < REPS + 1; r++) {
    const kelas = await timePdf(cards, drawRapor);
    const satu = await timePdf([cards[0]], drawRapor);
    const rk = await timePdf([rekap], (doc, x) => drawRekap(doc, x, sekolah, 'Siti Rahmawati, S.Pd.'), true);
    const t = performance.now();
    xlsxBytes = (await rekapWorkbook(rekap, sekolah.nama_sekolah, 'Siti Rahmawati, S.Pd.')).length;
    const xlsxMs = performance.now() - t;
    rekapBytes = rk.bytes;
    if (r === 0) continue; // warm-up: module loading, font metrics
    runs.kelas.push(kelas);
    runs.satu.push(satu.ms);
    runs.rekapPdf.push(rk.ms);
    runs.xlsx.push(xlsxMs);
  }
  const f = (x: number): string => `${x.toFixed(1)} ms`;
  const kb = (x: number): string => `${(x / 1024).toFixed(0)} KiB`;
  console.log(
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; ${STUDENTS} students, ${REPS} repetitions (after one warm-up), medians.\n`,
  );
  console.log('| document | time | size | longest block of the event loop |');
  console.log('|---|---:|---:|---:|');
  console.log(
    `| class rapor PDF (${STUDENTS} cards) | ${f(median(runs.kelas.map((k) => k.ms)))} | ${kb(runs.kelas[0]!.bytes)} | ${f(median(runs.kelas.map((k) => k.block)))} |`,
  );
  console.log(`| one rapor PDF | ${f(median(runs.satu))} | | |`);
  console.log(`| recap PDF, landscape (${STUDENTS} rows) | ${f(median(runs.rekapPdf))} | ${kb(rekapBytes)} | |`);
  console.log(`| recap xlsx (3 sheets) | ${f(median(runs.xlsx))} | ${kb(xlsxBytes)} | |`);
}

void main();
