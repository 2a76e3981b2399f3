import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';

/** A school year (`2025/2026`); exactly one is active once any exists (migration 1764231500000). */
@Entity({ name: 'tahun_ajaran' })
@Unique('uq_tahun_ajaran_nama', ['nama'])
@Index('uq_tahun_ajaran_aktif', ['aktif'], { unique: true, where: '"aktif"' })
@Check(
  'ck_tahun_ajaran_nama',
  `CASE WHEN "nama" ~ '^[0-9]{4}/[0-9]{4}$' THEN substr("nama", 6, 4)::int = substr("nama", 1, 4)::int + 1 ELSE false END`,
)
@Check('ck_tahun_ajaran_periode', '"selesai" > "mulai"')
@Check('ck_tahun_ajaran_semester_aktif', `"semester_aktif" IN ('Ganjil', 'Genap')`)
@Check('ck_tahun_ajaran_kkm_default', '"kkm_default" BETWEEN 0 AND 100')
export class TahunAjaran {
  @PrimaryGeneratedColumn({ type: 'integer', primaryKeyConstraintName: 'pk_tahun_ajaran' })
  id: number;

  @Column({ type: 'varchar', length: 9 })
  nama: string;

  /** Calendar dates as 'YYYY-MM-DD' strings. */
  @Column({ type: 'date' })
  mulai: string;

  @Column({ type: 'date' })
  selesai: string;

  @Column({ type: 'boolean', default: false })
  aktif: boolean;

  @Column({ type: 'varchar', length: 6, default: 'Ganjil' })
  semesterAktif: string;

  @Column({ type: 'integer', default: 75 })
  kkmDefault: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** A subject's KKM in one year, where it differs from the year's kkm_default. */
@Entity({ name: 'kkm_mapel' })
@Check('ck_kkm_mapel_kkm', '"kkm" BETWEEN 0 AND 100')
@Check(
  'ck_kkm_mapel_mapel',
  `"mapel" IN ('matematika', 'bahasa_indonesia', 'bahasa_inggris', 'bahasa_jawa', 'ipa', 'agama', 'pjok', 'pkn', 'sejarah', 'seni', 'dasar_kejuruan')`,
)
export class KkmMapel {
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'pk_kkm_mapel' })
  @ForeignKey(() => TahunAjaran, { name: 'fk_kkm_mapel_tahun_ajaran', onDelete: 'CASCADE' })
  tahunAjaranId: number;

  @PrimaryColumn({ type: 'varchar', length: 20, primaryKeyConstraintName: 'pk_kkm_mapel' })
  mapel: string;

  @Column({ type: 'integer' })
  kkm: number;
}
