import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { CategorizedRecordsEngine } from '../records/categorized-records.engine';
import type { CreatePresensiDto } from './dto/create-presensi.dto';
import type { PresensiResponseDto } from './dto/presensi-response.dto';
import { presensiCategoryColumn, presensiRecordSpec } from './presensi.record';
import type { Presensi } from './presensi.entity';

/** Attendance: the shared record mechanics; ATTENDANCE_HIGH_MIN / ATTENDANCE_MEDIUM_MIN changed → stored categories re-derived. */
@Injectable()
export class PresensiService extends CategorizedRecordsEngine<Presensi, CreatePresensiDto, PresensiResponseDto> {
  constructor(dataSource: DataSource, @Inject(APP_CONFIG) config: AppConfig) {
    super(dataSource, presensiRecordSpec(config.thresholds), presensiCategoryColumn(config.thresholds));
  }
}
