import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { RecordsEngine } from '../records/records.engine';
import { applyThresholdsAtStartup } from '../records/threshold-recompute';
import type { CreatePresensiDto } from './dto/create-presensi.dto';
import type { PresensiResponseDto } from './dto/presensi-response.dto';
import { presensiRecordSpec } from './presensi.record';
import type { Presensi } from './presensi.entity';

/** Attendance: the shared record mechanics, and the stored categories kept in step with the config. */
@Injectable()
export class PresensiService extends RecordsEngine<Presensi, CreatePresensiDto, PresensiResponseDto> implements OnApplicationBootstrap {
  private readonly logger = new Logger(PresensiService.name);

  constructor(
    dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(dataSource, presensiRecordSpec(config.thresholds));
  }

  /** See recomputeCategoriesIfChanged: ATTENDANCE_HIGH_MIN / ATTENDANCE_MEDIUM_MIN changed → re-derive. */
  async onApplicationBootstrap(): Promise<void> {
    const t = this.config.thresholds;
    await applyThresholdsAtStartup(
      this.dataSource,
      {
        settingKey: 'thresholds.kehadiran',
        table: 'presensi',
        source: 'persentase_kehadiran',
        target: 'kategori_kehadiran',
        bands: [
          ['Tinggi', t.attendanceHighMin],
          ['Sedang', t.attendanceMediumMin],
        ],
        fallback: 'Rendah',
      },
      this.logger,
    );
  }
}
