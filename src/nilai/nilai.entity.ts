import { Check, Column, Entity } from 'typeorm';
import { SemesterRecord, semesterRecordConstraints } from '../records/columns';
import { Siswa } from '../siswa/siswa.entity';

const score = { type: 'double precision' } as const;

/** Every score (and their mean) is 0–100: `ck_nilai_raport_<column>`. */
const SCORE_COLUMNS = [
  'matematika',
  'bahasa_indonesia',
  'bahasa_inggris',
  'bahasa_jawa',
  'ipa',
  'agama',
  'pjok',
  'pkn',
  'sejarah',
  'seni',
  'dasar_kejuruan',
  'rata_rata',
];
const scoreChecks: ClassDecorator = (target) => {
  for (const column of SCORE_COLUMNS) Check(`ck_nilai_raport_${column}`, `"${column}" BETWEEN 0 AND 100`)(target);
};

@Entity({ name: 'nilai_raport' })
@semesterRecordConstraints('nilai_raport', () => Siswa)
@scoreChecks
export class NilaiRaport extends SemesterRecord {
  @Column(score) matematika: number;
  @Column(score) bahasaIndonesia: number;
  @Column(score) bahasaInggris: number;
  @Column(score) bahasaJawa: number;
  @Column(score) ipa: number;
  @Column(score) agama: number;
  @Column(score) pjok: number;
  @Column(score) pkn: number;
  @Column(score) sejarah: number;
  @Column(score) seni: number;
  @Column(score) dasarKejuruan: number;

  /** Mean of the eleven scores at full precision, recomputed on every write. */
  @Column(score) rataRata: number;
}
