import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { RecordBase } from './columns';
import type { RecordSpec } from './record-spec';
import { RecordsEngine } from './records.engine';
import { applyThresholdsAtStartup, type CategoryColumn } from './threshold-recompute';

/**
 * A record domain with a stored category derived from configurable thresholds (presensi, penghasilan):
 * the shared record mechanics, plus the start-up step that re-derives the stored categories when the
 * configured thresholds changed (see recomputeCategoriesIfChanged).
 */
export abstract class CategorizedRecordsEngine<E extends RecordBase, C extends object, R>
  extends RecordsEngine<E, C, R>
  implements OnApplicationBootstrap
{
  private readonly logger = new Logger(this.constructor.name);

  constructor(
    dataSource: DataSource,
    spec: RecordSpec<E, C, R>,
    private readonly category: CategoryColumn,
  ) {
    super(dataSource, spec);
  }

  async onApplicationBootstrap(): Promise<void> {
    await applyThresholdsAtStartup(this.dataSource, this.category, this.logger);
  }
}
