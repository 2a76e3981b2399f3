import request from 'supertest';
import { bearer, tokenFor } from '../utils/auth';
import type { TestApp } from '../utils/test-app';

let sequence = 0;
/** A unique suffix per call, so tests never collide on NIS or natural keys. */
export function uniqueNumber(): number {
  sequence += 1;
  return Number(`${process.pid % 1000}${String(sequence).padStart(5, '0')}`);
}

export interface SiswaInput {
  nis: string;
  nama: string;
  kelas: string;
  jenis_kelamin: string;
  tanggal_lahir: string;
  alamat?: string | null;
}

export function makeSiswa(overrides: Partial<SiswaInput> = {}): SiswaInput {
  const n = uniqueNumber();
  return {
    nis: `N${n}`,
    nama: `Siswa ${n}`,
    kelas: 'XII IPA 1',
    jenis_kelamin: 'L',
    tanggal_lahir: '2007-05-02',
    alamat: 'Jl. Merdeka 1, Surabaya',
    ...overrides,
  };
}

export function makeNilai(siswaId: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    siswa_id: siswaId,
    semester: 'Ganjil',
    tahun_ajaran: '2023/2024',
    matematika: 80,
    bahasa_indonesia: 81,
    bahasa_inggris: 82,
    bahasa_jawa: 83,
    ipa: 84,
    agama: 85,
    pjok: 86,
    pkn: 87,
    sejarah: 88,
    seni: 89,
    dasar_kejuruan: 90,
    ...overrides,
  };
}

export function makePresensi(siswaId: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    siswa_id: siswaId,
    semester: 'Ganjil',
    tahun_ajaran: '2023/2024',
    jumlah_hadir: 90,
    jumlah_sakit: 5,
    jumlah_izin: 3,
    jumlah_alpa: 2,
    ...overrides,
  };
}

export function makePenghasilan(siswaId: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    siswa_id: siswaId,
    penghasilan_ayah: 3_000_000,
    penghasilan_ibu: 1_500_000,
    pekerjaan_ayah: 'Petani',
    pekerjaan_ibu: 'Pedagang',
    pendidikan_ayah: 'SMA',
    pendidikan_ibu: 'SMP',
    ...overrides,
  };
}

export function makePrestasi(siswaId: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    siswa_id: siswaId,
    semester: 'Ganjil',
    tahun_ajaran: '2023/2024',
    kategori: 'Tinggi',
    catatan: 'Juara kelas',
    ...overrides,
  };
}

/** Creates a student through the API as admin and returns its response body. */
export async function createSiswa(t: TestApp, overrides: Partial<SiswaInput> = {}): Promise<{ id: number } & Record<string, unknown>> {
  const token = await tokenFor(t, 'admin');
  const res = await request(t.baseUrl).post('/api/siswa').set(bearer(token)).send(makeSiswa(overrides)).expect(201);
  return res.body as { id: number } & Record<string, unknown>;
}

/** Creates a row of a child domain (`nilai`, `presensi`, …) through the API as admin. */
export async function createRecord(
  t: TestApp,
  domain: string,
  body: Record<string, unknown>,
): Promise<{ id: number } & Record<string, unknown>> {
  const token = await tokenFor(t, 'admin');
  const res = await request(t.baseUrl).post(`/api/${domain}`).set(bearer(token)).send(body).expect(201);
  return res.body as { id: number } & Record<string, unknown>;
}

/** A supertest client that sends the bearer token of `role` on every request. */
export async function clientAs(t: TestApp, role: 'admin' | 'guru' | 'staf') {
  const auth = bearer(await tokenFor(t, role));
  return {
    get: (url: string) => request(t.baseUrl).get(url).set(auth),
    post: (url: string) => request(t.baseUrl).post(url).set(auth),
    put: (url: string) => request(t.baseUrl).put(url).set(auth),
    patch: (url: string) => request(t.baseUrl).patch(url).set(auth),
    delete: (url: string) => request(t.baseUrl).delete(url).set(auth),
  };
}
export type ApiClient = Awaited<ReturnType<typeof clientAs>>;

/** A CSV upload body (UTF-8, comma-separated, quoted where needed). */
export function csvOf(headers: string[], rows: Array<Array<string | number | null>>): Buffer {
  const cell = (v: string | number | null): string => {
    const s = v === null ? '' : String(v);
    return /[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return Buffer.from([headers, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n', 'utf8');
}

/** One valid upload row per domain (the headers of its import), for a student that exists. */
export function uploadRowFor(domain: string, siswaId: number, n: number): { headers: string[]; row: Array<string | number> } {
  // School years are 2000–2100 (record-fields.ts): n and n + 200 share a year.
  const year = 2000 + (Math.floor(n / 2) % 100);
  const semester = { headers: ['Siswa ID', 'Semester', 'Tahun Ajaran'], row: [siswaId, n % 2 ? 'Genap' : 'Ganjil', `${year}/${year + 1}`] };
  switch (domain) {
    case 'siswa':
      return {
        headers: ['Nama', 'NIS', 'Jenis Kelamin', 'Kelas', 'Tanggal Lahir', 'Alamat'],
        row: [`Upload ${n}`, `U${uniqueNumber()}`, n % 2 ? 'Perempuan' : 'L', 'X B', '2008-01-15', `Jl. ${n}, Blitar`],
      };
    case 'nilai':
      return {
        headers: [
          ...semester.headers,
          'Matematika',
          'Bahasa Indonesia',
          'Bahasa Inggris',
          'IPA',
          'Bahasa Jawa',
          'Agama',
          'PJOK',
          'PKN',
          'Sejarah',
          'Seni',
          'Dasar Kejuruan',
        ],
        row: [...semester.row, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80.5],
      };
    case 'presensi':
      return {
        headers: [...semester.headers, 'Jumlah Hadir', 'Jumlah Sakit', 'Jumlah Izin', 'Jumlah Alpa'],
        row: [...semester.row, 80, 10, 5, 5],
      };
    case 'penghasilan':
      return {
        headers: [
          'Siswa ID',
          'Penghasilan Ayah',
          'Penghasilan Ibu',
          'Pekerjaan Ayah',
          'Pekerjaan Ibu',
          'Pendidikan Ayah',
          'Pendidikan Ibu',
        ],
        row: [siswaId, 2_000_000, 300_000, 'Buruh', 'Ibu rumah tangga', 'SMP', 'SD'],
      };
    case 'prestasi':
      return { headers: [...semester.headers, 'Kategori', 'Catatan'], row: [...semester.row, 'Sedang', 'Aktif di kelas'] };
    default:
      throw new Error(`unknown domain ${domain}`);
  }
}
