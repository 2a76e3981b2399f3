import { randomInt } from 'node:crypto';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { recordChange } from '../../common/audit/audit-context';
import { DomainException } from '../../common/http/problem';
import { PREDIKSI_ERRORS } from '../prediksi.errors';
import {
  createRng,
  demoPeriodsEndingOn,
  type DemoSchool,
  generateDemoSchool,
  generateStudentHistory,
  latentForKey,
  periodsForTahunAjaran,
  seedFromKey,
} from '../demo/demo-generator';
import { insertNilai, insertPenghasilan, insertPresensi, insertPrestasi, insertSiswa } from './demo-insert';
import { ensureDemoYears } from './demo-school-years';

/** Four semesters up to the current one, so predictions have recent data and none lies in the future. */
const DEMO_SEMESTERS = 4;
/** One demo generation at a time per database, so two start-ups never both fill an empty school. */
const DEMO_LOCK_KEY = 4_581_270_003;
export const MAX_DEMO_STUDENTS = 10_000;

export interface DemoCounts {
  siswa: number;
  nilai: number;
  presensi: number;
  penghasilan: number;
  prestasi: number;
}

@Injectable()
export class DemoDataService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A new seeded demo school of `students` students (random seed unless given), in one transaction. */
  async generateSchool(students: number, seed = randomInt(1, 2 ** 31 - 1)): Promise<DemoCounts> {
    const counts = await this.dataSource.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [DEMO_LOCK_KEY]);
      return this.insertSchool(m, this.school(students, seed));
    });
    await this.analyze();
    recordChange({ entity_type: 'demo_data', after: counts });
    return counts;
  }

  /** Work on the demo school under the demo lock (one writer at a time), in one transaction. */
  inTransaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [DEMO_LOCK_KEY]);
      return work(m);
    });
  }

  /** The start-up school: only when the siswa table is empty (checked again under the lock). */
  async generateSchoolIfEmpty(students: number, seed: number): Promise<DemoCounts | null> {
    const counts = await this.dataSource.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [DEMO_LOCK_KEY]);
      const [{ any }] = (await m.query('SELECT EXISTS (SELECT 1 FROM siswa) AS any')) as Array<{ any: boolean }>;
      if (any) return null;
      return this.insertSchool(m, this.school(students, seed));
    });
    if (counts) await this.analyze();
    return counts;
  }

  /**
   * A bulk load can multiply a table's size before autovacuum notices; with the old statistics the
   * planner picked nested loops that made the training-set join take 50 s instead of 50 ms at 40,000 rows.
   */
  private async analyze(): Promise<void> {
    await this.dataSource.query('ANALYZE siswa, nilai_raport, presensi, penghasilan_orang_tua, prestasi');
  }

  /**
   * Both semesters of `tahunAjaran` for an existing student: nilai, presensi and prestasi where not yet
   * recorded, and penghasilan if the student has none. The student's traits come from their id, so
   * repeated calls for other years describe the same person; a stored income is kept and used.
   */
  async generateForStudent(siswaId: number, tahunAjaran: string): Promise<{ siswa: { id: number; nama: string; nis: string; kelas: string }; created: string[] }> {
    return this.dataSource.transaction(async (m) => {
      const [siswa] = (await m.query('SELECT id, nama, nis, kelas FROM siswa WHERE id = $1', [siswaId])) as Array<{ id: number; nama: string; nis: string; kelas: string }>;
      if (!siswa) throw new DomainException(HttpStatus.NOT_FOUND, PREDIKSI_ERRORS.SISWA_NOT_FOUND, { id: siswaId });
      const [stored] = (await m.query('SELECT penghasilan_ayah::float8 AS ayah, penghasilan_ibu::float8 AS ibu FROM penghasilan_orang_tua WHERE siswa_id = $1', [
        siswaId,
      ])) as Array<{ ayah: number; ibu: number }>;
      const periods = periodsForTahunAjaran(tahunAjaran);
      await ensureDemoYears(m, [tahunAjaran]);
      const history = generateStudentHistory(
        createRng(seedFromKey(`${siswaId}:${tahunAjaran}`)),
        { latent: latentForKey(siswaId), penghasilan: stored ? { penghasilan_ayah: stored.ayah, penghasilan_ibu: stored.ibu } : undefined },
        periods,
      );
      const own = <T>(rows: T[]): Array<T & { siswa_id: number }> => rows.map((r) => ({ ...r, siswa_id: siswaId }));
      const t = this.config.thresholds;
      const counts = {
        nilai: await insertNilai(m, own(history.nilai)),
        presensi: await insertPresensi(m, own(history.presensi), t),
        prestasi: await insertPrestasi(m, own(history.prestasi)),
        penghasilan: stored ? 0 : await insertPenghasilan(m, own([history.penghasilan]), t),
      };
      const created = [
        ...(counts.nilai ? [`${counts.nilai} nilai raport`] : []),
        ...(counts.presensi ? [`${counts.presensi} presensi`] : []),
        ...(counts.prestasi ? [`${counts.prestasi} prestasi`] : []),
        ...(counts.penghasilan ? ['penghasilan orang tua'] : []),
      ];
      recordChange({ entity_type: 'demo_data', entity_id: siswaId, after: { tahun_ajaran: tahunAjaran, ...counts } });
      return { siswa, created };
    });
  }

  private school(students: number, seed: number): DemoSchool {
    const school = generateDemoSchool({ seed, students, semesters: DEMO_SEMESTERS, ...demoPeriodsEndingOn(new Date(), DEMO_SEMESTERS) });
    // The generator numbers NIS from 1 for every school; a seed-derived prefix keeps later batches unique.
    const prefix = `D${seed.toString(36).toUpperCase().padStart(7, '0').slice(-7)}`;
    school.siswa.forEach((s, i) => (s.nis = `${prefix}${String(i + 1).padStart(5, '0')}`));
    return school;
  }

  private async insertSchool(m: EntityManager, school: DemoSchool): Promise<DemoCounts> {
    await ensureDemoYears(m, school.perStudent.flatMap((h) => h.nilai.map((n) => n.tahun_ajaran)));
    const ids = await insertSiswa(m, school.siswa);
    const t = this.config.thresholds;
    const all = <T>(pick: (h: DemoSchool['perStudent'][number]) => T[]): Array<T & { siswa_id: number }> =>
      school.perStudent.flatMap((h, i) => pick(h).map((r) => ({ ...r, siswa_id: ids[i] })));
    return {
      siswa: ids.length,
      nilai: await insertNilai(m, all((h) => h.nilai)),
      presensi: await insertPresensi(m, all((h) => h.presensi), t),
      penghasilan: await insertPenghasilan(m, school.perStudent.map((h, i) => ({ ...h.penghasilan, siswa_id: ids[i] })), t),
      prestasi: await insertPrestasi(m, all((h) => h.prestasi)),
    };
  }
}
