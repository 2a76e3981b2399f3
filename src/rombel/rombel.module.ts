import { Module } from '@nestjs/common';
import { KenaikanController } from './kenaikan.controller';
import { KenaikanService } from './kenaikan.service';
import { RiwayatKelasController, RombelController } from './rombel.controller';
import { RombelService } from './rombel.service';

@Module({
  controllers: [RombelController, RiwayatKelasController, KenaikanController],
  providers: [RombelService, KenaikanService],
  exports: [RombelService],
})
export class RombelModule {}
