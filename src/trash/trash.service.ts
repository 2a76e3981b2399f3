import { Inject, Injectable } from '@nestjs/common';
import { msg } from '../i18n/catalogue';
import { DataSource, QueryFailedError, type SelectQueryBuilder } from 'typeorm';
import { recordChange } from '../common/audit/audit-context';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { restoreRows } from './archive';
import type { TrashItemDto, TrashItemSummaryDto, TrashPageDto, TrashRestoreResultDto } from './dto/trash-response.dto';
import type { ListTrashQueryDto } from './dto/trash-query.dto';
import { type ArchivedTable, TrashItem } from './trash-item.entity';
import { TrashErrors } from './trash.errors';

const DAY_MS = 86_400_000;

/** The database's reasons a restore cannot go through: unique, foreign key, check, not null. */
const CONFLICT_CODES = new Set(['23505', '23503', '23514', '23502']);

function rowCounts(archive: ArchivedTable[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const t of archive) counts[t.table] = (counts[t.table] ?? 0) + t.rows.length;
  return counts;
}

/** The recycle bin (admin): list, inspect, restore or purge deletions. Deleting is RecordsEngine.remove. */
@Injectable()
export class TrashService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(q: ListTrashQueryDto): Promise<TrashPageDto> {
    const qb = this.query();
    if (q.entity_type) qb.andWhere('t.entityType = :entityType', { entityType: q.entity_type });
    if (q.entity_id !== undefined) qb.andWhere('t.entityId = :entityId', { entityId: q.entity_id });
    const [items, total] = await qb.orderBy('t.deletedAt', 'DESC').addOrderBy('t.id', 'DESC').skip(q.skip).take(q.limit).getManyAndCount();
    return { data: items.map((i) => this.toSummary(i)), total, skip: q.skip, limit: q.limit };
  }

  async get(id: number): Promise<TrashItemDto> {
    const item = await this.dataSource.getRepository(TrashItem).findOneBy({ id });
    if (!item) throw TrashErrors.notFound(id);
    return { ...this.toSummary(item), archive: item.archive };
  }

  /**
   * Puts every archived row back, exactly, in one transaction, and removes the item. The item row is
   * locked first, so a concurrent restore or purge of it waits and then finds nothing (404).
   */
  async restore(id: number): Promise<TrashRestoreResultDto> {
    const item = await this.dataSource.transaction(async (manager) => {
      const locked = await manager.getRepository(TrashItem).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!locked) throw TrashErrors.notFound(id);
      try {
        await restoreRows(manager, id, locked.archive, (table) => TrashErrors.unknownTable(id, table));
      } catch (error) {
        throw this.asConflict(id, error);
      }
      await manager.getRepository(TrashItem).delete(id);
      return locked;
    });
    recordChange({ entity_type: item.entityType, entity_id: item.entityId, before: { trash_id: item.id }, after: item.record });
    return {
      trash_id: item.id,
      entity_type: item.entityType,
      entity_id: item.entityId,
      restored: rowCounts(item.archive),
      record: item.record,
    };
  }

  /** Deletes an item for good, before its retention ends. */
  async purge(id: number): Promise<void> {
    const removed = (await this.dataSource.query('DELETE FROM trash WHERE id = $1 RETURNING id, entity_type, entity_id, record', [id])) as [
      Array<{ id: number; entity_type: string; entity_id: number; record: unknown }>,
      number,
    ];
    const [row] = removed[0];
    if (!row) throw TrashErrors.notFound(id);
    recordChange({
      entity_type: 'trash',
      entity_id: id,
      before: { entity_type: row.entity_type, entity_id: row.entity_id, record: row.record },
      after: null,
    });
  }

  private asConflict(id: number, error: unknown): unknown {
    if (!(error instanceof QueryFailedError)) return error;
    const pg = (error as unknown as { driverError?: { code?: string; constraint?: string; detail?: string; message?: string } })
      .driverError;
    if (!pg?.code || !CONFLICT_CODES.has(pg.code)) return error;
    return TrashErrors.restoreConflict(id, pg.detail ?? pg.message ?? msg('TRASH_ROWS_DONT_FIT'), pg.constraint);
  }

  private query(): SelectQueryBuilder<TrashItem> {
    return this.dataSource.getRepository(TrashItem).createQueryBuilder('t');
  }

  private toSummary(item: TrashItem): TrashItemSummaryDto {
    return {
      id: item.id,
      entity_type: item.entityType,
      entity_id: item.entityId,
      record: item.record,
      row_counts: rowCounts(item.archive),
      row_count: item.rowCount,
      deleted_by: item.deletedBy,
      deleted_by_username: item.deletedByUsername,
      deleted_at: item.deletedAt.toISOString(),
      purge_after: new Date(item.deletedAt.getTime() + this.config.trash.retentionDays * DAY_MS).toISOString(),
    };
  }
}
