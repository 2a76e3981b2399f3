import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One counter of rate-limiter-flexible's PostgreSQL store (login throttle and expensive routes),
 * shared by every API process. The library reads and writes this table itself with exactly these
 * three columns, in this order; the migration creates it, so the library never runs DDL.
 */
@Entity({ name: 'rate_limit' })
export class RateLimitCounter {
  /** `<prefix>:<subject>`, e.g. `rl_export:12` or `login_pair:admin|10.0.0.7`. */
  @PrimaryColumn({ type: 'varchar', length: 255, primaryKeyConstraintName: 'pk_rate_limit' })
  key: string;

  @Column({ type: 'integer', default: 0 })
  points: number;

  /** Epoch milliseconds when the counter lapses (null: never). */
  @Column({ type: 'bigint', nullable: true })
  expire: string | null;
}
