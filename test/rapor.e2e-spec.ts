import { type ApiClient, clientAs, makeNilai, makePresensi, makeSiswa } from './factories/records';
import { png } from './factories/png';
import { binaryBody, readPdf } from './utils/pdf';
import { createTestApp, type TestApp } from './utils/test-app';

const SEKOLAH = {
  nama_sekolah: 'SMA Negeri 3 Malang',
  npsn: '20533811',
  alamat: 'Jl. Sultan Agung Utara 7',
  kota: 'Malang',
  kepala_sekolah: 'Dra. Endang Purwati, M.Pd.',
  nip_kepala_sekolah: '196703151992032004',
};
const WALI = { nama_lengkap: 'Siti Rahmawati, S.Pd.', nip: '198001012005012001' };

/** Report cards (issue #13, RAPOR.md): one student's PDF and the class file, read back as text. */
describe('Rapor PDFs (e2e)', () => {
  let t: TestApp;
  let admin: ApiClient;
  let guru: ApiClient;
  let staf: ApiClient;
  let rombelId: number;
  let ani: { id: number; nis: string };
  let budi: { id: number; nis: string };
  let citra: { id: number; nis: string };
  let dedi: { id: number; nis: string };
  const period = { semester: 'Ganjil', tahun_ajaran: '2024/2025' };

  const pdf = async (client: ApiClient, url: string): Promise<{ headers: Record<string, string>; body: Buffer }> => {
    const res = await client.get(url).buffer(true).parse(binaryBody);
    if (res.status !== 200) throw new Error(`${url} → ${res.status} ${JSON.stringify(res.body?.toString?.() ?? res.body)}`);
    return { headers: res.headers as Record<string, string>, body: res.body as Buffer };
  };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await clientAs(t, 'admin');
    guru = await clientAs(t, 'guru');
    staf = await clientAs(t, 'staf');
    await guru.put('/api/auth/me/profile').send({ profile: WALI }).expect(200);
    const guruId = (await guru.get('/api/auth/me').expect(200)).body.id as number;
    const year = (await admin.post('/api/tahun-ajaran').send({ nama: '2024/2025', kkm_default: 70 }).expect(201)).body;
    await admin
      .put(`/api/tahun-ajaran/${year.id}/kkm`)
      .send({ mapel: { matematika: 80 } })
      .expect(200);
    await admin.put('/api/settings/sekolah').send(SEKOLAH).expect(200);
    await admin.put('/api/settings/sekolah/logo').attach('file', png(48, 48), 'logo.png').expect(200);
    rombelId = (
      await admin.post('/api/rombel').send({ nama: 'XI IPA 2', tingkat: 11, tahun_ajaran_id: year.id, wali_kelas_id: guruId }).expect(201)
    ).body.id;
    const student = async (nama: string, extra: Record<string, unknown> = {}): Promise<{ id: number; nis: string }> =>
      (
        await admin
          .post('/api/siswa')
          .send({ ...makeSiswa({ nama }), ...extra })
          .expect(201)
      ).body;
    ani = await student('Ani Lestari', { nisn: '0071234567' });
    budi = await student('Budi Santoso');
    citra = await student('Citra Dewi');
    dedi = await student('Dedi Pratama');
    await admin
      .post(`/api/rombel/${rombelId}/siswa`)
      .send({ siswa_ids: [citra.id, budi.id, ani.id] })
      .expect(200);
    await admin
      .post('/api/nilai')
      .send(makeNilai(ani.id, { ...period, matematika: 78, bahasa_indonesia: 81.5, seni: 65 }))
      .expect(201);
    await admin
      .post('/api/nilai')
      .send(makeNilai(budi.id, { ...period, matematika: 95 }))
      .expect(201);
    await admin
      .post('/api/presensi')
      .send(makePresensi(ani.id, { ...period, jumlah_hadir: 94, jumlah_sakit: 2, jumlah_izin: 1, jumlah_alpa: 3 }))
      .expect(201);
    await admin
      .post('/api/prestasi')
      .send({ siswa_id: ani.id, ...period, kategori: 'Tinggi', catatan: 'Juara 2 lomba cerdas cermat tingkat kota' })
      .expect(201);
  });
  afterAll(async () => {
    await t.close();
  });

  it("prints the student's grades against the KKM, rank, attendance, note, school and signatures on one page", async () => {
    const res = await pdf(guru, `/api/siswa/${ani.id}/rapor.pdf?semester=Ganjil&tahun_ajaran=2024/2025&tanggal=2024-12-20`);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename=rapor-${ani.nis}-2024-2025-ganjil.pdf`);
    expect(res.body.subarray(0, 5).toString()).toBe('%PDF-');
    // The logo is drawn: the file holds an image.
    expect(res.body.toString('latin1')).toMatch(/\/Subtype \/Image/);
    const { text, total } = await readPdf(res.body);
    expect(total).toBe(1);
    for (const s of ['SMA NEGERI 3 MALANG', 'Jl. Sultan Agung Utara 7, Malang', 'NPSN: 20533811', 'LAPORAN HASIL BELAJAR (RAPOR)'])
      expect(text).toContain(s);
    expect(text).toMatch(/Nama Peserta Didik : Ani Lestari/);
    expect(text).toContain(`NIS : ${ani.nis}`);
    expect(text).toContain('NISN : 0071234567');
    expect(text).toMatch(/Kelas : XI IPA 2/);
    expect(text).toMatch(/Fase \/ Tingkat : F \/ 11/);
    expect(text).toMatch(/Semester : 1 \(Ganjil\)/);
    expect(text).toMatch(/Tahun Pelajaran : 2024\/2025/);
    // Score, KKM (80 for matematika, the year's 70 elsewhere) and the verdict, per subject row.
    expect(text).toMatch(/1 Matematika 78 80 Belum Tuntas Ananda sedang berkembang/);
    expect(text).toMatch(/2 Bahasa Indonesia 81,5 70 Tuntas Ananda menunjukkan penguasaan yang baik/);
    expect(text).toMatch(/Seni Budaya 65 70 Belum Tuntas/);
    expect(text).toMatch(/Dasar Kejuruan 90 70 Tuntas Ananda menunjukkan penguasaan yang sangat baik/);
    expect(text.match(/(^|\s)\d+(,\d+)? \d+ (Belum )?Tuntas Ananda/gm)).toHaveLength(11);
    // Budi has 95 in matematika: first; Ani second of three.
    const rata = (78 + 81.5 + 82 + 83 + 84 + 85 + 86 + 87 + 88 + 65 + 90) / 11;
    expect(text).toContain(`Rata-rata nilai: ${rata.toFixed(2).replace('.', ',')}`);
    expect(text).toContain('Peringkat di kelas: 2 dari 3 peserta didik');
    expect(text).toMatch(/Sakit 2 hari/);
    expect(text).toMatch(/Izin 1 hari/);
    expect(text).toMatch(/Tanpa Keterangan 3 hari/);
    expect(text).toContain('Kategori prestasi: Tinggi.');
    expect(text).toContain('Juara 2 lomba cerdas cermat tingkat kota');
    expect(text).toContain('Malang, 20 Desember 2024');
    for (const s of [WALI.nama_lengkap, `NIP. ${WALI.nip}`, SEKOLAH.kepala_sekolah, `NIP. ${SEKOLAH.nip_kepala_sekolah}`, 'Orang Tua/Wali'])
      expect(text).toContain(s);
    // Ganjil: no promotion decision yet.
    expect(text).not.toContain('Keputusan');
    expect(text).toContain(`Rapor Ani Lestari · NIS ${ani.nis} · Semester Ganjil 2024/2025 · Halaman 1 dari 1`);
  });

  it('is for every role, defaults to the active year and its semester, and dashes what is missing', async () => {
    for (const client of [admin, staf]) await pdf(client, `/api/siswa/${ani.id}/rapor.pdf`);
    const { text } = await readPdf((await pdf(admin, `/api/siswa/${budi.id}/rapor.pdf`)).body);
    expect(text).toContain('Semester : 1 (Ganjil)');
    expect(text).toContain('Peringkat di kelas: 1 dari 3 peserta didik');
    expect(text).toMatch(/NISN : –/);
    expect(text).toMatch(/Sakit –/);
    expect(text).toMatch(/C\. Catatan Wali Kelas\s+[^\n]*–/);
  });

  it('answers problem+json for what cannot make a report card', async () => {
    const problem = async (url: string, status: number, code?: string): Promise<void> => {
      const res = await guru.get(url).expect(status);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.detail).toEqual(expect.any(String));
      if (code) expect(res.body.code).toBe(code);
    };
    await problem('/api/siswa/999999/rapor.pdf', 404, 'SISWA_NOT_FOUND');
    await problem(`/api/siswa/${ani.id}/rapor.pdf?tahun_ajaran=2030/2031`, 404, 'TAHUN_AJARAN_UNKNOWN');
    await problem(`/api/siswa/${ani.id}/rapor.pdf?semester=Tengah`, 400);
    await problem(`/api/siswa/${ani.id}/rapor.pdf?tahun_ajaran=2024`, 400);
    await problem(`/api/siswa/${ani.id}/rapor.pdf?tanggal=2024-02-30`, 400);
    await problem('/api/siswa/0x10/rapor.pdf', 400, 'INVALID_ID');
    await problem(`/api/siswa/${dedi.id}/rapor.pdf`, 422, 'RAPOR_TANPA_ROMBEL');
    await problem(`/api/siswa/${citra.id}/rapor.pdf`, 422, 'RAPOR_TANPA_NILAI');
    await problem(`/api/siswa/${ani.id}/rapor.pdf?semester=Genap`, 422, 'RAPOR_TANPA_NILAI');
    await problem(`/api/rombel/${rombelId}/rapor.pdf?semester=Genap`, 422, 'RAPOR_ROMBEL_TANPA_NILAI');
    await problem('/api/rombel/999999/rapor.pdf', 404, 'ROMBEL_NOT_FOUND');
  });

  it('prints the whole class in one file, by name, each student from a new page', async () => {
    const res = await pdf(guru, `/api/rombel/${rombelId}/rapor.pdf?semester=Ganjil`);
    expect(res.headers['content-disposition']).toBe('attachment; filename=rapor-XI-IPA-2-2024-2025-ganjil.pdf');
    // The logo is on every card but embedded once.
    expect(res.body.toString('latin1').match(/\/Subtype \/Image/g)).toHaveLength(1);
    const { pages, total } = await readPdf(res.body);
    expect(total).toBe(3);
    expect(pages.map((p) => /Nama Peserta Didik : ([^\n]+)/.exec(p)?.[1])).toEqual(['Ani Lestari', 'Budi Santoso', 'Citra Dewi']);
    pages.forEach((p) => expect(p).toContain('Halaman 1 dari 1'));
    // Citra has no grades: her card says so instead of inventing a score.
    expect(pages[2]).toMatch(/1 Matematika – 80 – Nilai Matematika semester ini belum diisi\./);
    expect(pages[2]).toContain('Peringkat di kelas: –');
  });

  it('runs to a second page with the name and page numbers when the heading and the note are long; states the Genap decision', async () => {
    const longName = 'Sekolah Menengah Kejuruan Negeri 1 Teknologi dan Rekayasa Kabupaten Banyuwangi Provinsi Jawa Timur';
    await admin.put('/api/settings/sekolah').send({ nama_sekolah: longName }).expect(200);
    const next = (await admin.post('/api/tahun-ajaran').send({ nama: '2025/2026' }).expect(201)).body;
    const xii = (await admin.post('/api/rombel').send({ nama: 'XII IPA 2', tingkat: 12, tahun_ajaran_id: next.id }).expect(201)).body;
    const genap = { semester: 'Genap', tahun_ajaran: '2024/2025' };
    await admin.post('/api/nilai').send(makeNilai(ani.id, genap)).expect(201);
    // The longest note prestasi takes (500 characters).
    const long = 'Ananda aktif dalam kegiatan OSIS dan selalu membantu teman yang kesulitan belajar. '.repeat(7).slice(0, 500);
    await admin
      .post('/api/prestasi')
      .send({ siswa_id: ani.id, ...genap, kategori: 'Sedang', catatan: long.trim() })
      .expect(201);
    await admin
      .post(`/api/rombel/${rombelId}/kenaikan`)
      .send({
        keputusan: [
          { siswa_id: ani.id, status: 'naik', ke_rombel_id: xii.id },
          { siswa_id: budi.id, status: 'naik', ke_rombel_id: xii.id },
          { siswa_id: citra.id, status: 'keluar' },
        ],
      })
      .expect(200);
    const { pages, total } = await readPdf((await pdf(guru, `/api/siswa/${ani.id}/rapor.pdf?semester=Genap&tahun_ajaran=2024/2025`)).body);
    expect(total).toBe(2);
    expect(pages[0]).toContain('Halaman 1 dari 2');
    expect(pages[1]).toContain('Halaman 2 dari 2');
    pages.forEach((p) => expect(p).toContain('Ani Lestari'));
    // The long name wraps inside the heading instead of running off the page.
    expect(pages[0]).toContain('SEKOLAH MENENGAH KEJURUAN NEGERI 1');
    expect(pages[0].replace(/\s+/g, ' ')).toContain(longName.toUpperCase());
    expect(pages[0]).toContain(long.trim().slice(-40));
    expect(pages.join('\n')).toMatch(/ditetapkan: Naik ke kelas XII IPA 2/);
    expect(pages.join('\n')).toContain('Semester : 2 (Genap)');
  });
});

/** The first start's demo school prints report cards at once (its identity, rombels, wali kelas, grades). */
describe('Rapor of the demo school (e2e)', () => {
  let t: TestApp;
  let guru: ApiClient;

  beforeAll(async () => {
    // The demo prints the guru passwords to the console; keep them out of the test output.
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((() => true) as typeof process.stdout.write);
    try {
      t = await createTestApp({ DEMO_DATA: 'true', DEMO_STUDENTS: '20' });
    } finally {
      spy.mockRestore();
    }
    guru = await clientAs(t, 'guru');
  });
  afterAll(async () => {
    await t.close();
  });

  it("prints a demo student's report card and their class with the demo school's identity and the wali kelas' NIP", async () => {
    const active = (await guru.get('/api/tahun-ajaran/aktif').expect(200)).body as { id: number; nama: string; semester_aktif: string };
    const [rombel] = (await guru.get(`/api/rombel?tahun_ajaran_id=${active.id}`).expect(200)).body as Array<{ id: number; nama: string }>;
    const members = (await guru.get(`/api/rombel/${rombel.id}/siswa`).expect(200)).body as Array<{ siswa_id: number; nama: string }>;
    const res = await guru.get(`/api/siswa/${members[0].siswa_id}/rapor.pdf`).buffer(true).parse(binaryBody).expect(200);
    const { text } = await readPdf(res.body as Buffer);
    for (const s of [
      'SMA NEGERI 1 NUSANTARA (DEMO)',
      'NPSN: 20500001',
      members[0].nama,
      rombel.nama,
      active.nama,
      'Drs. H. Sutrisno, M.Pd.',
    ])
      expect(text).toContain(s);
    expect(text).toMatch(/NIP\. 19\d{16}\n[\s\S]*NIP\. 196805121994031007/);
    expect(text.match(/(^|\s)\d+(,\d+)? \d+ (Belum )?Tuntas Ananda/gm)).toHaveLength(11);

    const all = await guru.get(`/api/rombel/${rombel.id}/rapor.pdf`).buffer(true).parse(binaryBody).expect(200);
    const { pages } = await readPdf(all.body as Buffer);
    const starts = pages.filter((p) => p.includes('LAPORAN HASIL BELAJAR (RAPOR)'));
    expect(starts.map((p) => /Nama Peserta Didik : ([^\n]+)/.exec(p)?.[1])).toEqual(members.map((m) => m.nama));
  });
});
