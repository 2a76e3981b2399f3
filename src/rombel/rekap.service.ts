import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SUBJECTS } from '../nilai/nilai-subjects';
import { TahunAjaranService } from '../tahun-ajaran/tahun-ajaran.service';
import type { RekapResponseDto } from './dto/rekap.dto';
import { classTotals, rank, type RekapInput, rekapMapel } from './rekap';
import { RombelService } from './rombel.service';
import type { TeacherScope } from '../scope/teacher-scope';

const MAPEL = SUBJECTS.map((s) => s.field);

type Row = Omit<RekapInput, 'nilai'> & Record<string, number | string | null>;

/** The class recap (leger) of a rombel for one semester of its year, against the year's KKM. */
@Injectable()
export class RekapService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rombel: RombelService,
    private readonly years: TahunAjaranService,
  ) {}

  /** A rombel out of the teacher scope's reach is 404: the recap lists its students' grades. */
  async rekap(rombelId: number, scope: TeacherScope, semester?: string): Promise<RekapResponseDto> {
    await this.rombel.assertInReach(rombelId, scope);
    const r = await this.rombel.rowOrThrow(this.dataSource.manager, rombelId);
    const year = await this.years.get(r.tahun_ajaran_id);
    const kkm = await this.years.kkm(r.tahun_ajaran_id);
    const sem = semester ?? year.semester_aktif;
    const rows = (await this.dataSource.query(
      `SELECT s.id AS siswa_id, s.nama, s.nis, n.id AS nilai_id, ${MAPEL.map((m) => `n.${m}`).join(', ')}, n.rata_rata,
              p.persentase_kehadiran, p.kategori_kehadiran, pr.kategori AS prestasi
       FROM rombel_siswa rs JOIN siswa s ON s.id = rs.siswa_id
       LEFT JOIN nilai_raport n ON n.siswa_id = s.id AND n.tahun_ajaran = $2 AND n.semester = $3
       LEFT JOIN presensi p ON p.siswa_id = s.id AND p.tahun_ajaran = $2 AND p.semester = $3
       LEFT JOIN prestasi pr ON pr.siswa_id = s.id AND pr.tahun_ajaran = $2 AND pr.semester = $3
       WHERE rs.rombel_id = $1`,
      [rombelId, r.tahun_ajaran, sem],
    )) as Row[];
    const inputs: RekapInput[] = rows.map((x) => ({
      siswa_id: x.siswa_id,
      nama: x.nama,
      nis: x.nis,
      nilai: x.nilai_id === null ? null : Object.fromEntries(MAPEL.map((m) => [m, Number(x[m])])),
      rata_rata: x.rata_rata,
      persentase_kehadiran: x.persentase_kehadiran,
      kategori_kehadiran: x.kategori_kehadiran,
      prestasi: x.prestasi,
    }));
    return {
      rombel_id: r.id,
      rombel: r.nama,
      tahun_ajaran: r.tahun_ajaran,
      semester: sem,
      mapel: rekapMapel(inputs, kkm.mapel, MAPEL),
      siswa: rank(inputs),
      total: classTotals(inputs),
    };
  }
}
