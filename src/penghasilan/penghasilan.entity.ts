import { Check, Column, Entity, Index, Unique } from 'typeorm';
import { belongsToSiswa, bigintAsNumber, SiswaOwnedRecord } from '../records/columns';
import { Siswa } from '../siswa/siswa.entity';

const rupiah = { type: 'bigint', transformer: bigintAsNumber } as const;
const optionalText = { type: 'varchar', length: 100, nullable: true } as const;

/** One row per student (uq_penghasilan_orang_tua_siswa). */
@Entity({ name: 'penghasilan_orang_tua' })
@belongsToSiswa('penghasilan_orang_tua', () => Siswa)
@Unique('uq_penghasilan_orang_tua_siswa', ['siswaId'])
@Check('ck_penghasilan_orang_tua_incomes', `"penghasilan_ayah" >= 0 AND "penghasilan_ibu" >= 0`)
@Check('ck_penghasilan_orang_tua_total', `"total_penghasilan" = "penghasilan_ayah" + "penghasilan_ibu"`)
@Check('ck_penghasilan_orang_tua_kategori', `"kategori_penghasilan" IN ('Tinggi', 'Menengah', 'Rendah')`)
@Index('ix_penghasilan_orang_tua_kategori', ['kategoriPenghasilan'])
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
