import { Module } from '@nestjs/common';
import { KenaikanController } from './kenaikan.controller';
import { KenaikanService } from './kenaikan.service';
import { RiwayatKelasController, RombelController } from './rombel.controller';
import { RombelService } from './rombel.service';
import { RekapService } from './rekap.service';
import { TahunAjaranModule } from '../tahun-ajaran/tahun-ajaran.module';

@Module({
  imports: [TahunAjaranModule],
  controllers: [RombelController, RiwayatKelasController, KenaikanController],
  providers: [RombelService, KenaikanService, RekapService],
  exports: [RombelService, RekapService],
})
export class RombelModule {}
