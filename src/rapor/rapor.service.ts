import { TeacherScope } from '../scope/teacher-scope';
import { Inject, Injectable, type StreamableFile } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { schoolToday, toSchoolDate } from '../common/dates/school-date';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { REPORT_SUBJECTS } from '../nilai/nilai-subjects';
import type { RekapResponseDto } from '../rombel/dto/rekap.dto';
import { RekapService } from '../rombel/rekap.service';
import { RombelService } from '../rombel/rombel.service';
import { SekolahService } from '../settings/sekolah.service';
import { TahunAjaranService } from '../tahun-ajaran/tahun-ajaran.service';
import type { Sekolah } from './pdf/letterhead';
import { createPdf, pdfDownload, renderAll } from './pdf/pdf-doc';
import { drawRapor } from './pdf/rapor-layout';
import type { RaporCard } from './rapor-card';
import { fileSlug, type Keputusan, keputusanText, NAMA_MAPEL } from './rapor-content';
import type { RaporRombelQueryDto, RaporSiswaQueryDto } from './rapor.dto';
import { RaporErrors } from './rapor.errors';

/** A member of a rombel with what the card needs beyond the recap (identity, attendance, note, decision). */
interface MemberRow {
  siswa_id: number;
  nama: string;
  nis: string;
  nisn: string | null;
  rombel_id: number;
  keputusan: Keputusan | null;
  rombel_berikutnya: string | null;
  jumlah_sakit: number | null;
  jumlah_izin: number | null;
  jumlah_alpa: number | null;
  kategori: string | null;
  catatan: string | null;
}

/** Whose report cards a request asks for: one student in a year, or every member of a rombel. */
type Target = { siswaId: number; tahunAjaranId: number } | { rombelId: number };

interface RaporFile {
  cards: RaporCard[];
  fileName: string;
  title: string;
}

/**
 * Gathers report cards: the school, the student's rombel that year and its wali kelas, the grades
 * with rank from the class recap (one computation of the leger, so the card and the recap agree),
 * attendance, the prestasi note and, in Genap, the promotion decision.
 */
@Injectable()
export class RaporService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rekapService: RekapService,
    private readonly rombel: RombelService,
    private readonly years: TahunAjaranService,
    private readonly sekolahService: SekolahService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async siswaPdf(siswaId: number, q: RaporSiswaQueryDto, scope: TeacherScope): Promise<StreamableFile> {
    return pdfOf(await this.forSiswa(siswaId, q, scope));
  }

  async rombelPdf(rombelId: number, q: RaporRombelQueryDto, scope: TeacherScope): Promise<StreamableFile> {
    return pdfOf(await this.forRombel(rombelId, q, scope));
  }

  /** A student out of the guru's reach (GURU_SCOPE=class) is answered like a missing one. */
  private async forSiswa(siswaId: number, q: RaporSiswaQueryDto, scope: TeacherScope): Promise<RaporFile> {
    const params: unknown[] = [siswaId];
    const inReach = scope.sqlCondition('id', params);
    const [siswa] = (await this.dataSource.query(`SELECT nama, nis FROM siswa WHERE id = $1 AND ${inReach}`, params)) as Array<{
      nama: string;
      nis: string;
    }>;
    if (!siswa) throw RaporErrors.siswaNotFound(siswaId);
    const year = await this.year(q.tahun_ajaran);
    const semester = q.semester ?? year.semester_aktif;
    const [member] = await this.members({ siswaId, tahunAjaranId: year.id }, semester);
    if (!member) throw RaporErrors.noRombel(siswa.nama, year.nama);
    const rekap = await this.rekapService.rekap(member.rombel_id, scope, semester);
    const cards = await this.cards(rekap, [member], q.tanggal);
    if (cards[0].mapel.every((m) => m.nilai === null)) throw RaporErrors.noNilai(siswa.nama, semester, year.nama);
    return {
      cards,
      fileName: `rapor-${fileSlug(siswa.nis)}-${fileSlug(year.nama)}-${semester.toLowerCase()}.pdf`,
      title: `Rapor ${siswa.nama} ${semester} ${year.nama}`,
    };
  }

  /** Every member of the rombel in name order; members without grades get a card with "–" (all missing: 422). */
  private async forRombel(rombelId: number, q: RaporRombelQueryDto, scope: TeacherScope): Promise<RaporFile> {
    const rekap = await this.rekapService.rekap(rombelId, scope, q.semester);
    if (rekap.total.jumlah_dengan_nilai === 0) throw RaporErrors.rombelNoNilai(rekap.rombel, rekap.semester, rekap.tahun_ajaran);
    const members = await this.members({ rombelId }, rekap.semester);
    return {
      cards: await this.cards(rekap, members, q.tanggal),
      fileName: `rapor-${fileSlug(rekap.rombel)}-${fileSlug(rekap.tahun_ajaran)}-${rekap.semester.toLowerCase()}.pdf`,
      title: `Rapor ${rekap.rombel} ${rekap.semester} ${rekap.tahun_ajaran}`,
    };
  }

  /** The school identity with the logo's bytes (the class recap PDF prints the same letterhead). */
  async sekolah(): Promise<Sekolah> {
    const { logo, logo_url: _url, ...identity } = await this.sekolahService.get();
    return { ...identity, logo: logo ? Buffer.from(logo.slice(logo.indexOf(',') + 1), 'base64') : null };
  }

  private async year(nama: string | undefined): Promise<{ id: number; nama: string; semester_aktif: string }> {
    if (nama === undefined) return this.years.active();
    const [year] = (await this.dataSource.query('SELECT id, nama, semester_aktif FROM tahun_ajaran WHERE nama = $1', [nama])) as Array<{
      id: number;
      nama: string;
      semester_aktif: string;
    }>;
    if (!year) throw RaporErrors.yearUnknown();
    return year;
  }

  /**
   * The one lookup of whose report cards are printed (GURU_SCOPE=class narrows it here, and only
   * here): memberships of the target with the semester's attendance, prestasi and the rombel the
   * student went on to (for the promotion sentence), by name.
   */
  private async members(target: Target, semester: string): Promise<MemberRow[]> {
    const [where, params] =
      'rombelId' in target
        ? ['rs.rombel_id = $2', [semester, target.rombelId]]
        : ['rs.siswa_id = $2 AND rs.tahun_ajaran_id = $3', [semester, target.siswaId, target.tahunAjaranId]];
    return (await this.dataSource.query(
      `SELECT s.id AS siswa_id, s.nama, s.nis, s.nisn, rs.rombel_id, rs.keputusan,
              (SELECT r2.nama FROM rombel_siswa rs2 JOIN rombel r2 ON r2.id = rs2.rombel_id JOIN tahun_ajaran t2 ON t2.id = rs2.tahun_ajaran_id
               WHERE rs2.siswa_id = s.id AND t2.nama > ta.nama ORDER BY t2.nama LIMIT 1) AS rombel_berikutnya,
              p.jumlah_sakit, p.jumlah_izin, p.jumlah_alpa, pr.kategori, pr.catatan
       FROM rombel_siswa rs
       JOIN siswa s ON s.id = rs.siswa_id
       JOIN tahun_ajaran ta ON ta.id = rs.tahun_ajaran_id
       LEFT JOIN presensi p ON p.siswa_id = s.id AND p.tahun_ajaran = ta.nama AND p.semester = $1
       LEFT JOIN prestasi pr ON pr.siswa_id = s.id AND pr.tahun_ajaran = ta.nama AND pr.semester = $1
       WHERE ${where}
       ORDER BY s.nama, s.id`,
      params,
    )) as MemberRow[];
  }

  private async cards(rekap: RekapResponseDto, members: MemberRow[], tanggal: string | undefined): Promise<RaporCard[]> {
    const sekolah = await this.sekolah();
    const rombel = await this.rombel.get(rekap.rombel_id);
    const nip = await this.nip(rombel.wali_kelas_id);
    const tingkat = rombel.tingkat;
    const kkm = new Map(rekap.mapel.map((m) => [m.mapel, m.kkm]));
    const bySiswa = new Map(rekap.siswa.map((s) => [s.siswa_id, s]));
    const date = (tanggal && toSchoolDate(tanggal, this.config.schoolTimezone)) || schoolToday(this.config.schoolTimezone);
    return members.map((m) => {
      const recap = bySiswa.get(m.siswa_id);
      return {
        sekolah,
        siswa: { id: m.siswa_id, nama: m.nama, nis: m.nis, nisn: m.nisn },
        rombel: { nama: rombel.nama, tingkat, wali_kelas: rombel.wali_kelas_nama, nip_wali_kelas: nip },
        tahun_ajaran: rekap.tahun_ajaran,
        semester: rekap.semester,
        mapel: REPORT_SUBJECTS.map((s) => ({
          nama: NAMA_MAPEL[s.field as keyof typeof NAMA_MAPEL],
          nilai: recap?.nilai?.[s.field] ?? null,
          kkm: kkm.get(s.field) ?? 0,
        })),
        rata_rata: recap?.rata_rata ?? null,
        peringkat: recap?.peringkat ?? null,
        jumlah_siswa: rekap.total.jumlah_siswa,
        presensi: m.jumlah_sakit === null ? null : { sakit: m.jumlah_sakit, izin: m.jumlah_izin ?? 0, alpa: m.jumlah_alpa ?? 0 },
        prestasi: m.kategori === null ? null : { kategori: m.kategori, catatan: m.catatan },
        keputusan: rekap.semester === 'Genap' ? keputusanText(m.keputusan, m.rombel_berikutnya, rombel.nama) : null,
        tanggal: date,
      };
    });
  }

  private async nip(userId: number | null): Promise<string | null> {
    if (userId === null) return null;
    const [row] = (await this.dataSource.query(`SELECT NULLIF(trim(profile->>'nip'), '') AS nip FROM users WHERE id = $1`, [
      userId,
    ])) as Array<{
      nip: string | null;
    }>;
    return row?.nip ?? null;
  }
}

/** The cards drawn one after another into one streamed PDF. */
function pdfOf(file: RaporFile): StreamableFile {
  const doc = createPdf({ title: file.title });
  renderAll(doc, file.cards, (card) => drawRapor(doc, card));
  return pdfDownload(doc, file.fileName);
}
