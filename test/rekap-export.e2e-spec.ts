import ExcelJS from 'exceljs';
import type { MapelRekap } from '../src/rombel/rekap';
import { type ApiClient, clientAs, createSiswa, makeNilai, makePresensi } from './factories/records';
import { binaryBody, readPdf } from './utils/pdf';
import { createTestApp, type TestApp } from './utils/test-app';

interface Rekap {
  rombel: string;
  tahun_ajaran: string;
  semester: string;
  mapel: MapelRekap[];
  siswa: Array<{
    siswa_id: number;
    nama: string;
    nis: string;
    nilai: Record<string, number> | null;
    rata_rata: number | null;
    peringkat: number | null;
    persentase_kehadiran: number | null;
    kategori_kehadiran: string | null;
    prestasi: string | null;
  }>;
  total: Record<string, unknown> & { prestasi: Record<string, number> };
}

const SUBJECT_HEADERS: Record<string, string> = {
  Matematika: 'matematika',
  'Bahasa Indonesia': 'bahasa_indonesia',
  'Bahasa Inggris': 'bahasa_inggris',
  IPA: 'ipa',
  'Bahasa Jawa': 'bahasa_jawa',
  Agama: 'agama',
  PJOK: 'pjok',
  PKN: 'pkn',
  Sejarah: 'sejarah',
  Seni: 'seni',
  'Dasar Kejuruan': 'dasar_kejuruan',
};

/** The rows of a sheet below its header block, as objects keyed by the table's header row. */
function tableOf(sheet: ExcelJS.Worksheet, headerRow: number): Array<Record<string, unknown>> {
  const headers = (sheet.getRow(headerRow).values as unknown[]).slice(1) as string[];
  const rows: Array<Record<string, unknown>> = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const values = (sheet.getRow(r).values as unknown[]).slice(1);
    rows.push(Object.fromEntries(headers.map((h, i) => [h, values[i] === undefined || values[i] === '' ? null : values[i]])));
  }
  return rows;
}

/** The class recap's exports (issue #13): the xlsx and the PDF say what GET /rombel/{id}/rekap says. */
describe('Class recap exports (e2e)', () => {
  let t: TestApp;
  let admin: ApiClient;
  let guru: ApiClient;
  let rombelId: number;
  let rekap: Rekap;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await clientAs(t, 'admin');
    guru = await clientAs(t, 'guru');
    await admin.put('/api/settings/sekolah').send({ nama_sekolah: 'SMK Negeri 2 Blitar', npsn: '20514999', kota: 'Blitar' }).expect(200);
    const year = (await admin.post('/api/tahun-ajaran').send({ nama: '2024/2025' }).expect(201)).body;
    await admin
      .put(`/api/tahun-ajaran/${year.id}/kkm`)
      .send({ mapel: { ipa: 80 } })
      .expect(200);
    rombelId = (await admin.post('/api/rombel').send({ nama: 'X TKJ 1', tingkat: 10, tahun_ajaran_id: year.id }).expect(201)).body.id;
    const students = await Promise.all(
      ['Eka Putri', 'Fajar Nugroho', 'Gita Anjani', '=Hadi Wijaya'].map((nama) => createSiswa(t, { nama })),
    );
    await admin
      .post(`/api/rombel/${rombelId}/siswa`)
      .send({ siswa_ids: students.map((s) => s.id) })
      .expect(200);
    const period = { semester: 'Genap', tahun_ajaran: '2024/2025' };
    const scores = [{ ipa: 79.5 }, { ipa: 90, matematika: 60 }, { ipa: 90, matematika: 60 }];
    for (const [i, extra] of scores.entries())
      await admin
        .post('/api/nilai')
        .send(makeNilai(students[i].id, { ...period, ...extra }))
        .expect(201);
    await admin
      .post('/api/presensi')
      .send(makePresensi(students[0].id, { ...period, jumlah_hadir: 95, jumlah_sakit: 3, jumlah_izin: 2, jumlah_alpa: 0 }))
      .expect(201);
    await admin
      .post('/api/prestasi')
      .send({ siswa_id: students[1].id, ...period, kategori: 'Sedang' })
      .expect(201);
    rekap = (await guru.get(`/api/rombel/${rombelId}/rekap?semester=Genap`).expect(200)).body as Rekap;
  });
  afterAll(async () => {
    await t.close();
  });

  it('xlsx: Leger, Mapel and Total sheets under the school/rombel header hold the JSON recap exactly', async () => {
    const res = await guru.get(`/api/rombel/${rombelId}/rekap/export/excel?semester=Genap`).buffer(true).parse(binaryBody).expect(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe('attachment; filename=rekap-X-TKJ-1-2024-2025-genap.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Leger', 'Mapel', 'Total']);
    for (const sheet of book.worksheets) {
      const header = [1, 2, 3, 4, 5].map((r) => (sheet.getRow(r).values as unknown[]).slice(1));
      expect(header).toEqual([
        ['Sekolah', 'SMK Negeri 2 Blitar'],
        ['Rombel', 'X TKJ 1'],
        ['Tahun Pelajaran', '2024/2025'],
        ['Semester', 'Genap'],
        ['Wali Kelas', '–'],
      ]);
    }

    const leger = tableOf(book.getWorksheet('Leger')!, 7);
    // The class list's order (by name); the "=" name stays text, never a formula.
    expect(leger.map((r) => r.Nama)).toEqual(['=Hadi Wijaya', 'Eka Putri', 'Fajar Nugroho', 'Gita Anjani']);
    expect(leger.map((r) => r.No)).toEqual([1, 2, 3, 4]);
    expect(leger).toHaveLength(rekap.siswa.length);
    for (const s of rekap.siswa) {
      const row = leger.find((r) => r.NIS === s.nis)!;
      expect(row).toMatchObject({
        Nama: s.nama,
        'Rata-rata': s.rata_rata,
        Peringkat: s.peringkat,
        'Kehadiran (%)': s.persentase_kehadiran,
        'Kategori Kehadiran': s.kategori_kehadiran,
        Prestasi: s.prestasi,
      });
      for (const [header, field] of Object.entries(SUBJECT_HEADERS)) expect(row[header]).toBe(s.nilai ? s.nilai[field] : null);
    }
    // Ties share a rank (Fajar and Gita have the same scores); Hadi has no grades and no rank.
    expect(leger.map((r) => [r.Nama, r.Peringkat])).toEqual([
      ['=Hadi Wijaya', null],
      ['Eka Putri', 1],
      ['Fajar Nugroho', 2],
      ['Gita Anjani', 2],
    ]);

    const mapel = tableOf(book.getWorksheet('Mapel')!, 7);
    expect(mapel).toHaveLength(11);
    for (const m of rekap.mapel) {
      const header = Object.entries(SUBJECT_HEADERS).find(([, f]) => f === m.mapel)![0];
      expect(mapel.find((r) => r['Mata Pelajaran'] === header)).toEqual({
        'Mata Pelajaran': header,
        KKM: m.kkm,
        'Rata-rata': m.rata_rata,
        Terendah: m.min,
        Tertinggi: m.max,
        'Jumlah Nilai': m.jumlah_nilai,
        'Di Bawah KKM': m.jumlah_di_bawah_kkm,
      });
    }
    expect(mapel.find((r) => r['Mata Pelajaran'] === 'IPA')).toMatchObject({ KKM: 80, 'Di Bawah KKM': 1 });

    const total = Object.fromEntries(tableOf(book.getWorksheet('Total')!, 7).map((r) => [r.Keterangan, r.Nilai]));
    expect(total).toEqual({
      'Jumlah siswa': rekap.total.jumlah_siswa,
      'Siswa dengan nilai': rekap.total.jumlah_dengan_nilai,
      'Rata-rata kelas': rekap.total.rata_rata,
      'Rata-rata terendah': rekap.total.min,
      'Rata-rata tertinggi': rekap.total.max,
      'Rata-rata kehadiran (%)': rekap.total.persentase_kehadiran,
      'Prestasi Tinggi': rekap.total.prestasi.Tinggi,
      'Prestasi Sedang': rekap.total.prestasi.Sedang,
      'Prestasi Rendah': rekap.total.prestasi.Rendah,
    });
  });

  it('PDF: A4 landscape with the header, every student with their rank, the subjects and the totals', async () => {
    const res = await guru.get(`/api/rombel/${rombelId}/rekap.pdf?semester=Genap`).buffer(true).parse(binaryBody).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename=rekap-X-TKJ-1-2024-2025-genap.pdf');
    // Landscape A4: 841.89 × 595.28 points.
    expect((res.body as Buffer).toString('latin1')).toMatch(/\/MediaBox \[0 0 841\.89 595\.28\]/);
    const { text, total } = await readPdf(res.body as Buffer);
    expect(total).toBe(1);
    for (const s of [
      'SMK NEGERI 2 BLITAR',
      'REKAP NILAI KELAS (LEGER)',
      'Rombel : X TKJ 1',
      'Tahun Pelajaran : 2024/2025',
      'Semester : Genap',
    ])
      expect(text).toContain(s);
    for (const [i, s] of [...rekap.siswa].sort((a, b) => a.nama.localeCompare(b.nama, 'id')).entries()) {
      const rank = s.peringkat === null ? '–' : String(s.peringkat);
      const average = s.rata_rata === null ? '–' : String(Number(s.rata_rata.toFixed(2))).replace('.', ',');
      expect(text).toMatch(new RegExp(`${i + 1} ${s.nama} ${s.nis} [^\\n]*${average} ${rank}( |\\n|$)`));
    }
    const ipa = rekap.mapel.find((m) => m.mapel === 'ipa')!;
    expect(text).toContain(`IPA 80 ${String(Number(ipa.rata_rata!.toFixed(2))).replace('.', ',')} 79,5 90 3 1`);
    expect(text).toContain('Jumlah siswa : 4');
    expect(text).toContain('Siswa dengan nilai : 3');
    expect(text).toContain('MTK = Matematika');
  });

  it('answers 404 for an unknown rombel and 400 for a bad semester', async () => {
    for (const path of ['rekap.pdf', 'rekap/export/excel']) {
      const missing = await guru.get(`/api/rombel/999999/${path}`).expect(404);
      expect(missing.headers['content-type']).toMatch(/problem\+json/);
      expect(missing.body.code).toBe('ROMBEL_NOT_FOUND');
      await guru.get(`/api/rombel/${rombelId}/${path}?semester=Tengah`).expect(400);
    }
  });
});
