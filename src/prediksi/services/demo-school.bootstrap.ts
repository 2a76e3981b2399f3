import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { DemoDataService } from './demo-data.service';
import { createDemoStructure } from './demo-school-structure.bootstrap';
import { ModelRegistryService } from './model-registry.service';
import { TrainingService } from './training.service';

/** Fixed, so every newcomer's first start shows the same school. */
export const DEMO_SCHOOL_SEED = 20_240_701;

/**
 * A newcomer's first start (DEMO_DATA on, no students yet): a seeded demo school and a first model,
 * so predictions work at once. Failures are logged, never fatal: the API is useful without demo data.
 */
@Injectable()
export class DemoSchoolBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoSchoolBootstrap.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly demo: DemoDataService,
    private readonly training: TrainingService,
    private readonly registry: ModelRegistryService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demo.enabled || this.config.demo.students <= 0) return;
    try {
      const created = await this.demo.generateSchoolIfEmpty(this.config.demo.students, DEMO_SCHOOL_SEED);
      if (created) this.logger.log(`Demo school created: ${created.siswa} students, ${created.nilai} semesters of records`);
      if (created) await createDemoStructure(this.demo, this.logger);
      if (created && !(await this.registry.hasAnyModel())) {
        const { model } = await this.training.train({}, null);
        this.logger.log(`First model trained on the demo school: version ${model.version}, CV accuracy ${model.cvMetrics.accuracy}`);
      }
    } catch (e) {
      this.logger.warn(`Demo school not created: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
