import { NilaiRaport } from '../../nilai/nilai.entity';
import { PenghasilanOrangTua } from '../../penghasilan/penghasilan.entity';
import { Presensi } from '../../presensi/presensi.entity';
import { Prestasi } from '../../prestasi/prestasi.entity';
import { Siswa } from '../../siswa/siswa.entity';

/** The school-record entities (migration 1764230700000), listed once for src/database/entities.ts. */
export const SCHOOL_RECORD_ENTITIES = [Siswa, NilaiRaport, Presensi, PenghasilanOrangTua, Prestasi];
