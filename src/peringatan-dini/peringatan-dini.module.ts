import { Module } from '@nestjs/common';
import { PrediksiModule } from '../prediksi/prediksi.module';
import { PeringatanDiniController } from './peringatan-dini.controller';
import { PeringatanDiniService } from './peringatan-dini.service';
import { TrendController } from './trend.controller';
import { TrendService } from './trend.service';

/** Early warning (issue #14): the at-risk list with reasons and advice, its exports, and a student's trend. */
@Module({
  imports: [PrediksiModule],
  controllers: [PeringatanDiniController, TrendController],
  providers: [PeringatanDiniService, TrendService],
})
export class PeringatanDiniModule {}
