import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The rows of one table as they were stored (to_jsonb of each row: every column, exact values). */
export interface ArchivedTable {
  table: string;
  rows: Array<Record<string, unknown>>;
}

/** One deletion in the recycle bin (migration 1764231300000). */
@Entity({ name: 'trash' })
@Check('ck_trash_row_count', `"row_count" >= 1`)
@Check('ck_trash_archive', `jsonb_typeof("archive") = 'array'`)
@Index('ix_trash_deleted_at', ['deletedAt'])
@Index('ix_trash_entity', ['entityType', 'entityId'])
export class TrashItem {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  /** The deleted record's domain (`siswa`, `nilai`, …) and id. */
  @Column({ type: 'varchar', length: 50 })
  entityType: string;

  @Column({ type: 'integer' })
  entityId: number;

  /** The record as the API answered it just before the delete (what the admin recognises). */
  @Column({ type: 'jsonb' })
  record: Record<string, unknown>;

  /** The deleted record's row first, then the rows that cascaded from it, parents before children. */
  @Column({ type: 'jsonb' })
  archive: ArchivedTable[];

  @Column({ type: 'integer' })
  rowCount: number;

  @Column({ type: 'integer', nullable: true })
  deletedBy: number | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  deletedByUsername: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  deletedAt: Date;
}
