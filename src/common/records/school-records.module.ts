import { Module } from '@nestjs/common';
import { SiswaModule } from '../../siswa/siswa.module';

/** The five school-record domains of API.md §3–§4, imported by AppModule as one unit. */
@Module({
  imports: [SiswaModule],
})
export class SchoolRecordsModule {}
