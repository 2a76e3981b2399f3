import type { TeacherScope } from '../scope/teacher-scope';
import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainException } from '../common/http/problem';
import { SUBJECT_FIELDS } from '../nilai/nilai-subjects';
import { nextSemester, type Semester } from '../prediksi/domain/semester';
import { RECORD_ERRORS } from '../records/records.errors';
import type { TrendDto, TrendSemesterDto } from './dto/trend.dto';

type Row = Record<string, unknown> & { semester: string; tahun_ajaran: string };

const key = (semester: string, tahunAjaran: string): string => `${tahunAjaran} ${semester}`;

/**
 * A student's semesters in order (issue #14): report card, attendance, observed prestasi and the
 * prediction made for that semester — the history row of the semester before, since a prediction
 * is made from one semester's records for the next.
 */
@Injectable()
export class TrendService {
  constructor(private readonly dataSource: DataSource) {}

  /** A student out of the guru's reach (GURU_SCOPE=class) is answered as missing. */
  async trend(siswaId: number, scope: TeacherScope): Promise<TrendDto> {
    const q = <T>(sql: string): Promise<T[]> => this.dataSource.query(sql, [siswaId]) as Promise<T[]>;
    const reach: unknown[] = [siswaId];
    const inReach = scope.sqlCondition('id', reach);
    const [[siswa], nilai, presensi, prestasi, history] = await Promise.all([
      this.dataSource.query(`SELECT id, nama, nis, kelas FROM siswa WHERE id = $1 AND ${inReach}`, reach) as Promise<
        Array<{ id: number; nama: string; nis: string; kelas: string }>
      >,
      q<Row>(`SELECT semester, tahun_ajaran, rata_rata, ${SUBJECT_FIELDS.join(', ')} FROM nilai_raport WHERE siswa_id = $1`),
      q<Row>('SELECT semester, tahun_ajaran, persentase_kehadiran, kategori_kehadiran FROM presensi WHERE siswa_id = $1'),
      q<Row>('SELECT semester, tahun_ajaran, kategori FROM prestasi WHERE siswa_id = $1'),
      q<Row>(
        'SELECT semester, tahun_ajaran, prediksi_prestasi, confidence, model_version, updated_at FROM prediksi_history WHERE siswa_id = $1',
      ),
    ]);
    if (!siswa) throw new DomainException(HttpStatus.NOT_FOUND, RECORD_ERRORS.SISWA_NOT_FOUND, { id: siswaId });

    const periods = new Map<string, TrendSemesterDto>();
    const at = (semester: string, tahunAjaran: string): TrendSemesterDto => {
      const k = key(semester, tahunAjaran);
      let p = periods.get(k);
      if (!p) {
        p = {
          semester,
          tahun_ajaran: tahunAjaran,
          rata_rata: null,
          nilai: null,
          persentase_kehadiran: null,
          kategori_kehadiran: null,
          prestasi: null,
          prediksi: null,
        };
        periods.set(k, p);
      }
      return p;
    };
    for (const n of nilai) {
      const p = at(n.semester, n.tahun_ajaran);
      p.rata_rata = Number(n.rata_rata);
      p.nilai = Object.fromEntries(SUBJECT_FIELDS.map((s) => [s, Number(n[s])]));
    }
    for (const r of presensi) {
      const p = at(r.semester, r.tahun_ajaran);
      p.persentase_kehadiran = Number(r.persentase_kehadiran);
      p.kategori_kehadiran = String(r.kategori_kehadiran);
    }
    for (const r of prestasi) at(r.semester, r.tahun_ajaran).prestasi = String(r.kategori);
    for (const h of history) {
      const target = nextSemester(h.semester as Semester, h.tahun_ajaran);
      at(target.semester, target.tahun_ajaran).prediksi = {
        prediksi_prestasi: String(h.prediksi_prestasi),
        confidence: Number(h.confidence),
        model_version: Number(h.model_version),
        data_dari_semester: h.semester,
        data_dari_tahun_ajaran: h.tahun_ajaran,
        dibuat: new Date(h.updated_at as string).toISOString(),
      };
    }
    // 'Ganjil' < 'Genap': the key sorts chronologically.
    const tren = [...periods.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, p]) => p);
    return { siswa_id: siswa.id, nama: siswa.nama, nis: siswa.nis, kelas: siswa.kelas, tren };
  }
}
