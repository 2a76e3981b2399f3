import { Column, Entity } from 'typeorm';
import { RecordBase } from '../records/columns';

@Entity({ name: 'siswa' })
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
}
