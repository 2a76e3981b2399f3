import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { RecordsEngine } from '../records/records.engine';
import { applyThresholdsAtStartup } from '../records/threshold-recompute';
import type { CreatePenghasilanDto } from './dto/create-penghasilan.dto';
import type { PenghasilanResponseDto } from './dto/penghasilan-response.dto';
import { penghasilanRecordSpec } from './penghasilan.record';
import type { PenghasilanOrangTua } from './penghasilan.entity';

/** Parents' income: the shared record mechanics, and the stored categories kept in step with the config. */
@Injectable()
export class PenghasilanService
  extends RecordsEngine<PenghasilanOrangTua, CreatePenghasilanDto, PenghasilanResponseDto>
  implements OnApplicationBootstrap
{
  private readonly logger = new Logger(PenghasilanService.name);

  constructor(
    dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(dataSource, penghasilanRecordSpec(config.thresholds));
  }

  /** See recomputeCategoriesIfChanged: INCOME_HIGH_MIN / INCOME_MEDIUM_MIN changed → re-derive. */
  async onApplicationBootstrap(): Promise<void> {
    const t = this.config.thresholds;
    await applyThresholdsAtStartup(
      this.dataSource,
      {
        settingKey: 'thresholds.penghasilan',
        table: 'penghasilan_orang_tua',
        source: 'total_penghasilan',
        target: 'kategori_penghasilan',
        bands: [
          ['Tinggi', t.incomeHighMin],
          ['Menengah', t.incomeMediumMin],
        ],
        fallback: 'Rendah',
      },
      this.logger,
    );
  }
}
