import { Module } from '@nestjs/common';
import { PenghasilanController } from './penghasilan.controller';
import { PenghasilanService } from './penghasilan.service';

@Module({
  controllers: [PenghasilanController],
  providers: [PenghasilanService],
  exports: [PenghasilanService],
})
export class PenghasilanModule {}
