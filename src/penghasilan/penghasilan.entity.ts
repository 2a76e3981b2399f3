import { Column, Entity } from 'typeorm';
import { bigintAsNumber, SiswaOwnedRecord } from '../records/columns';

const rupiah = { type: 'bigint', transformer: bigintAsNumber } as const;
const optionalText = { type: 'varchar', length: 100, nullable: true } as const;

@Entity({ name: 'penghasilan_orang_tua' })
export class PenghasilanOrangTua extends SiswaOwnedRecord {
  @Column(rupiah) penghasilanAyah: number;
  @Column(rupiah) penghasilanIbu: number;
  @Column(optionalText) pekerjaanAyah: string | null;
  @Column(optionalText) pekerjaanIbu: string | null;
  @Column(optionalText) pendidikanAyah: string | null;
  @Column(optionalText) pendidikanIbu: string | null;

  /** Derived: ayah + ibu. */
  @Column(rupiah) totalPenghasilan: number;

  /** Derived from the configured thresholds; recomputed at start-up when they change. */
  @Column({ type: 'varchar', length: 10 }) kategoriPenghasilan: string;
}
