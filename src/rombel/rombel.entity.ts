import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { User } from '../auth/user.entity';
import { Siswa } from '../siswa/siswa.entity';
import { TahunAjaran } from '../tahun-ajaran/tahun-ajaran.entity';

/** A class group of one school year (`X IPA 1`), migration 1764231500000. */
@Entity({ name: 'rombel' })
@Unique('uq_rombel_nama_tahun_ajaran', ['nama', 'tahunAjaranId'])
@Unique('uq_rombel_id_tahun_ajaran', ['id', 'tahunAjaranId'])
@Index('ix_rombel_tahun_ajaran', ['tahunAjaranId', 'tingkat'])
@Check('ck_rombel_tingkat', '"tingkat" BETWEEN 1 AND 12')
@Check('ck_rombel_nama', 'char_length("nama") >= 1')
export class Rombel {
  @PrimaryGeneratedColumn({ type: 'integer', primaryKeyConstraintName: 'pk_rombel' })
  id: number;

  /** Also the members' `siswa.kelas` text while the year is active, hence the same 20 characters. */
  @Column({ type: 'varchar', length: 20 })
  nama: string;

  @Column({ type: 'integer' })
  tingkat: number;

  @Column({ type: 'varchar', length: 50, nullable: true })
  jurusan: string | null;

  @Column({ type: 'integer' })
  @ForeignKey(() => TahunAjaran, { name: 'fk_rombel_tahun_ajaran', onDelete: 'NO ACTION' })
  tahunAjaranId: number;

  @Column({ type: 'integer', nullable: true })
  @ForeignKey(() => User, { name: 'fk_rombel_wali_kelas', onDelete: 'SET NULL' })
  waliKelasId: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * A student's place in a rombel. The membership repeats its rombel's year so that (siswa, year) can be
 * unique; the composite foreign key keeps that copy equal to the rombel's year.
 */
@Entity({ name: 'rombel_siswa' })
@Unique('uq_rombel_siswa_tahun_ajaran', ['siswaId', 'tahunAjaranId'])
@Index('ix_rombel_siswa_rombel', ['rombelId'])
@ForeignKey(() => Rombel, ['rombelId', 'tahunAjaranId'], ['id', 'tahunAjaranId'], { name: 'fk_rombel_siswa_rombel', onDelete: 'NO ACTION' })
@Check('ck_rombel_siswa_keputusan', `"keputusan" IN ('naik', 'tinggal', 'lulus', 'keluar')`)
export class RombelSiswa {
  @PrimaryGeneratedColumn({ type: 'integer', primaryKeyConstraintName: 'pk_rombel_siswa' })
  id: number;

  @Column({ type: 'integer' })
  rombelId: number;

  @Column({ type: 'integer' })
  tahunAjaranId: number;

  @Column({ type: 'integer' })
  @ForeignKey(() => Siswa, { name: 'fk_rombel_siswa_siswa', onDelete: 'CASCADE' })
  siswaId: number;

  /** The end-of-year decision (promotion), once made. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  keputusan: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
