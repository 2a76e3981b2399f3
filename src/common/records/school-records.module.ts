import { Module } from '@nestjs/common';
import { NilaiModule } from '../../nilai/nilai.module';
import { PenghasilanModule } from '../../penghasilan/penghasilan.module';
import { PresensiModule } from '../../presensi/presensi.module';
import { PrestasiModule } from '../../prestasi/prestasi.module';
import { SiswaModule } from '../../siswa/siswa.module';

/** The five school-record domains of API.md §3–§4, imported by AppModule as one unit. */
@Module({
  imports: [SiswaModule, NilaiModule, PresensiModule, PenghasilanModule, PrestasiModule],
  exports: [SiswaModule, NilaiModule, PresensiModule, PenghasilanModule, PrestasiModule],
})
export class SchoolRecordsModule {}
