import { Check, Column, Entity, Index, Unique } from 'typeorm';
import { RecordBase } from '../records/columns';
import { SISWA_STATUSES } from './siswa-status';

/** Constraints and indexes as migration 1764230700000 names them (the 409 on a taken NIS is uq_siswa_nis). */
@Entity({ name: 'siswa' })
@Unique('uq_siswa_nis', ['nis'])
@Check('ck_siswa_nis', `"nis" ~ '^[A-Za-z0-9]{5,20}$'`)
@Check('ck_siswa_nama', `char_length("nama") >= 2`)
@Check('ck_siswa_kelas', `char_length("kelas") >= 1`)
@Check('ck_siswa_jenis_kelamin', `"jenis_kelamin" IN ('L', 'P')`)
@Check('ck_siswa_tanggal_lahir', `"tanggal_lahir" >= DATE '1900-01-01'`)
@Index('ix_siswa_nama', ['nama', 'id'])
@Index('ix_siswa_jenis_kelamin', ['jenisKelamin'])
// Status and NISN: migration 1764231500000.
@Unique('uq_siswa_nisn', ['nisn'])
@Index('ix_siswa_status', ['status'])
@Check('ck_siswa_status', `"status" IN (${SISWA_STATUSES.map((s) => `'${s}'`).join(', ')})`)
@Check('ck_siswa_nisn', `"nisn" ~ '^[0-9]{10}$'`)
// District scale, migration 1764231800000: a class list sorted by name reads one index range, and
// `search` (ILIKE '%x%') is served by trigram GIN indexes, which TypeORM cannot describe (hence
// synchronize: false, so the schema builder leaves them alone).
@Index('ix_siswa_kelas_nama', ['kelas', 'nama', 'id'])
@Index('ix_siswa_nama_trgm', { synchronize: false })
@Index('ix_siswa_nis_trgm', { synchronize: false })
@Index('ix_siswa_kelas_trgm', { synchronize: false })
export class Siswa extends RecordBase {
  @Column({ type: 'varchar', length: 20 })
  nis: string;

  @Column({ type: 'varchar', length: 100 })
  nama: string;

  @Column({ type: 'varchar', length: 20 })
  kelas: string;

  /** 'L' or 'P'; the label is added in responses. */
  @Column({ type: 'char', length: 1 })
  jenisKelamin: string;

  /** A calendar date; TypeORM hands `date` columns over as 'YYYY-MM-DD' strings. */
  @Column({ type: 'date' })
  tanggalLahir: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  alamat: string | null;

  /** aktif | lulus | mutasi | keluar; lists show `aktif` unless asked otherwise. */
  @Column({ type: 'varchar', length: 10, default: 'aktif' })
  status: string;

  /** The national student number: 10 digits, unique, optional. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  nisn: string | null;
}
