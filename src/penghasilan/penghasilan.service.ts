import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { CategorizedRecordsEngine } from '../records/categorized-records.engine';
import type { CreatePenghasilanDto } from './dto/create-penghasilan.dto';
import type { PenghasilanResponseDto } from './dto/penghasilan-response.dto';
import { penghasilanCategoryColumn, penghasilanRecordSpec } from './penghasilan.record';
import type { PenghasilanOrangTua } from './penghasilan.entity';

/** Parents' income: the shared record mechanics; INCOME_HIGH_MIN / INCOME_MEDIUM_MIN changed → stored categories re-derived. */
@Injectable()
export class PenghasilanService extends CategorizedRecordsEngine<PenghasilanOrangTua, CreatePenghasilanDto, PenghasilanResponseDto> {
  constructor(dataSource: DataSource, @Inject(APP_CONFIG) config: AppConfig) {
    super(dataSource, penghasilanRecordSpec(config.thresholds), penghasilanCategoryColumn(config.thresholds));
  }
}
