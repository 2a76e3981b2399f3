import { Column, Entity } from 'typeorm';
import { SemesterRecord } from '../records/columns';

const score = { type: 'double precision' } as const;

@Entity({ name: 'nilai_raport' })
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
