import { Check, Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export const EVENT_CATEGORIES = ['AUTH', 'CRUD', 'ML', 'FILE', 'SYSTEM', 'SECURITY'] as const;
export type EventCategory = (typeof EVENT_CATEGORIES)[number];

/**
 * One request, as the event writer inserted it (API.md §7). Read-only for the app otherwise.
 * Range-partitioned by month on occurred_at (migration 1764231800000, src/events/event-partitions.ts),
 * so the partition key is part of the primary key.
 */
@Entity({ name: 'event_log' })
@Check('ck_event_log_category', `"category" IN ('AUTH', 'CRUD', 'ML', 'FILE', 'SYSTEM', 'SECURITY')`)
@Index('ix_event_log_occurred_at', ['occurredAt'])
@Index('ix_event_log_category_occurred_at', ['category', 'occurredAt'])
@Index('ix_event_log_user_id', ['userId', 'occurredAt'])
@Index('ix_event_log_entity', ['entityType', 'entityId'])
export class EventLog {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @PrimaryColumn({ type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;

  @Column({ type: 'varchar', length: 128, nullable: true })
  requestId: string | null;

  @Column({ type: 'varchar', length: 10 })
  category: EventCategory;

  @Column({ type: 'varchar', length: 100 })
  action: string;

  @Column({ type: 'integer', nullable: true })
  userId: number | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  username: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  role: string | null;

  @Column({ type: 'varchar', length: 10 })
  method: string;

  @Column({ type: 'varchar', length: 2048 })
  path: string;

  @Column({ type: 'smallint' })
  status: number;

  @Column({ type: 'real' })
  durationMs: number;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ type: 'varchar', length: 512, nullable: true })
  userAgent: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  entityType: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  entityId: string | null;

  @Column({ type: 'jsonb', nullable: true })
  changes: unknown;
}
