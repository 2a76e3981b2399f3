import { Module } from '@nestjs/common';
import { RombelModule } from '../rombel/rombel.module';
import { SettingsModule } from '../settings/settings.module';
import { TahunAjaranModule } from '../tahun-ajaran/tahun-ajaran.module';
import { RombelRaporController, SiswaRaporController } from './rapor.controller';
import { RaporService } from './rapor.service';
import { RekapExportService } from './rekap-export.service';

/** Report cards and the class recap's exports (issue #13): PDFs with pdfkit, the xlsx with exceljs. */
@Module({
  imports: [RombelModule, TahunAjaranModule, SettingsModule],
  controllers: [SiswaRaporController, RombelRaporController],
  providers: [RaporService, RekapExportService],
})
export class RaporModule {}
