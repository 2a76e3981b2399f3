import { HttpStatus, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type C45Tree, deserializeTree } from '../c45';
import { DomainException } from '../../common/http/problem';
import { msg } from '../../i18n/catalogue';
import { PREDIKSI_ERRORS } from '../prediksi.errors';
import { ReadinessRegistry } from '../../health/health.service';
import { activeModelCvAccuracy, activeModelVersion } from '../../metrics/instruments';
import { PrediksiModel } from '../model.entity';
import { MODEL_ACTIVATED_CHANNEL, REGISTRY_LOCK_KEY } from './registry-constants';

/** The active model as this process serves it: the row (metadata, metrics) and the live tree. */
export interface ActiveModel {
  model: PrediksiModel;
  tree: C45Tree;
}

/**
 * The model registry: stored versions, the one active model, and this process's in-memory copy of
 * it. Every instance reloads on the activation NOTIFY (see ModelActivationListener), so activating a
 * version anywhere switches all of them; after a restart the active model loads from the database.
 */
@Injectable()
export class ModelRegistryService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ModelRegistryService.name);
  private current: ActiveModel | null = null;
  /** Set once the first load from the database finished (for readiness). */
  private loaded = false;
  /** Guards against an older, slower reload overwriting a newer one. */
  private loadSequence = 0;
  private latestLoad: Promise<ActiveModel | null> = Promise.resolve(null);

  constructor(
    private readonly dataSource: DataSource,
    readiness: ReadinessRegistry,
  ) {
    // Ready once the first load finished and, when a model is active in the database, it is served.
    readiness.register({
      name: 'model',
      check: async () => {
        if (!this.loaded) return 'active model not loaded yet';
        if (this.current) return undefined;
        return (await this.hasActiveModel()) ? 'the active model is not loaded' : undefined;
      },
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.reload();
  }

  private async hasActiveModel(): Promise<boolean> {
    return this.dataSource.getRepository(PrediksiModel).exists({ where: { isActive: true } });
  }

  active(): ActiveModel | null {
    return this.current;
  }

  isLoaded(): boolean {
    return this.loaded;
  }

  /** Re-reads the active row; skips the tree parse when this process already serves that version. */
  reload(): Promise<ActiveModel | null> {
    const load = this.load(++this.loadSequence);
    this.latestLoad = load;
    return load;
  }

  private async load(sequence: number): Promise<ActiveModel | null> {
    const row = await this.dataSource.getRepository(PrediksiModel).findOne({ where: { isActive: true } });
    // A newer reload (e.g. the activation NOTIFY arriving while the trainer reloads) started meanwhile:
    // answer with its result, so a caller never returns before the model it just activated is served.
    if (sequence !== this.loadSequence) return this.latestLoad;
    if (!row) {
      this.current = null;
    } else if (this.current?.model.version !== row.version || this.current.model.id !== row.id) {
      this.current = { model: row, tree: deserializeTree(row.tree) };
      this.logger.log(`Serving model version ${row.version}`);
    } else {
      this.current = { model: row, tree: this.current.tree };
    }
    this.loaded = true;
    activeModelVersion.set(this.current?.model.version ?? 0);
    activeModelCvAccuracy.set(this.current?.model.cvMetrics.accuracy ?? 0);
    return this.current;
  }

  /** Stored versions, newest first, one page (the shared paging) and the total. */
  async list(page: { skip: number; limit: number }): Promise<{ rows: PrediksiModel[]; total: number }> {
    const [rows, total] = await this.dataSource.getRepository(PrediksiModel).findAndCount({
      select: {
        id: true, version: true, isActive: true, algorithm: true, options: true, features: true, labelSource: true,
        cvMetrics: true, trainingMetrics: true, classDistribution: true, trainingSetSize: true, trainingSetHash: true,
        trainedBy: true, trainedAt: true, durationMs: true, activatedAt: true,
      },
      order: { version: 'DESC' },
      skip: page.skip,
      take: page.limit,
    });
    return { rows, total };
  }

  async get(version: number): Promise<PrediksiModel> {
    const row = await this.dataSource.getRepository(PrediksiModel).findOne({ where: { version } });
    if (!row) throw new DomainException(HttpStatus.NOT_FOUND, PREDIKSI_ERRORS.MODEL_NOT_FOUND, { reason: msg('MODEL_VERSION_MISSING', { version }) });
    return row;
  }

  async hasAnyModel(): Promise<boolean> {
    return (await this.dataSource.getRepository(PrediksiModel).count()) > 0;
  }

  /**
   * Makes `version` the one active model (also a rollback to an older version) and serves it here at
   * once; other instances follow on the NOTIFY.
   */
  async activate(version: number): Promise<PrediksiModel> {
    await this.dataSource.transaction((m) => this.activateWithin(m, version));
    await this.reload();
    return this.get(version);
  }

  /**
   * The activation statements, inside the caller's transaction (training activates the version it
   * just inserted). The NOTIFY is delivered on commit, so no instance loads a version before it is
   * active; the registry lock makes concurrent activations take turns.
   */
  async activateWithin(m: EntityManager, version: number): Promise<void> {
    await m.query('SELECT pg_advisory_xact_lock($1)', [REGISTRY_LOCK_KEY]);
    const [target] = (await m.query('SELECT id FROM model WHERE version = $1', [version])) as Array<{ id: number }>;
    if (!target) throw new DomainException(HttpStatus.NOT_FOUND, PREDIKSI_ERRORS.MODEL_NOT_FOUND, { reason: msg('MODEL_VERSION_MISSING', { version }) });
    await m.query('UPDATE model SET is_active = false WHERE is_active AND version <> $1', [version]);
    await m.query('UPDATE model SET is_active = true, activated_at = now() WHERE version = $1', [version]);
    await m.query('SELECT pg_notify($1, $2)', [MODEL_ACTIVATED_CHANNEL, String(version)]);
  }
}
