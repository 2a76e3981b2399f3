import type { MigrationInterface, QueryRunner } from 'typeorm';
import { normalizeUsername } from '../src/auth/username';

interface UserRow {
  id: number;
  username: string;
  role: string;
  is_active: boolean;
}

/** Which of several accounts whose names normalize alike keeps the name: an active admin, then any active account, then the oldest. */
function keeperFirst(a: UserRow, b: UserRow): number {
  const rank = (u: UserRow): number => (u.is_active ? (u.role === 'admin' ? 0 : 1) : 2);
  return rank(a) - rank(b) || a.id - b.id;
}

/**
 * Issue #10. (1) `users.username_normalized` (NFKC + lower case, src/auth/username.ts) under a
 * unique index replaces the lower(username) index, so login, the throttle and uniqueness compare one
 * spelling. Existing accounts are filled from their username; where several normalize alike (e.g.
 * `budi` and a full-width `ｂｕｄｉ`, which the old index let through) one keeps the name (see
 * keeperFirst) and each other is left with a NULL normalized name, deactivated and its sessions
 * ended: it cannot log in until an admin renames it. The migration never fails on existing data.
 * (2) `rate_limit`: rate-limiter-flexible's PostgreSQL store (login throttle, expensive routes),
 * shared by every replica; its layout is the library's own.
 */
export class AuthHardening1764231200000 implements MigrationInterface {
  name = 'AuthHardening1764231200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD COLUMN "username_normalized" text NULL`);
    const users: UserRow[] = await queryRunner.query(`SELECT id, username, role, is_active FROM "users" ORDER BY id`);
    const groups = new Map<string, UserRow[]>();
    for (const user of users) {
      const key = normalizeUsername(user.username);
      groups.set(key, [...(groups.get(key) ?? []), user]);
    }
    const keptIds: number[] = [];
    const keptNames: string[] = [];
    const clashing: number[] = [];
    for (const [normalized, group] of groups) {
      const [keeper, ...others] = [...group].sort(keeperFirst);
      keptIds.push(keeper.id);
      keptNames.push(normalized);
      clashing.push(...others.map((u) => u.id));
    }
    if (keptIds.length > 0) {
      await queryRunner.query(
        `UPDATE "users" u SET "username_normalized" = v.name FROM unnest($1::int[], $2::text[]) AS v(id, name) WHERE u.id = v.id`,
        [keptIds, keptNames],
      );
    }
    if (clashing.length > 0) {
      await queryRunner.query(`UPDATE "users" SET "is_active" = false WHERE id = ANY($1::int[])`, [clashing]);
      await queryRunner.query(
        `UPDATE "user_session" SET "revoked_at" = now(), "revoked_reason" = 'username_clash' WHERE user_id = ANY($1::int[]) AND "revoked_at" IS NULL`,
        [clashing],
      );
      queryRunner.connection.logger.log(
        'warn',
        `Users ${clashing.join(', ')} have a username that normalizes like an older account's; deactivated until an admin renames them`,
      );
    }
    await queryRunner.query(`DROP INDEX "uq_users_username"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_users_username_normalized" ON "users" ("username_normalized")`);

    await queryRunner.query(`
      CREATE TABLE "rate_limit" (
        "key" varchar(255) NOT NULL,
        "points" integer NOT NULL DEFAULT 0,
        "expire" bigint NULL,
        CONSTRAINT "pk_rate_limit" PRIMARY KEY ("key")
      )`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "rate_limit"`);
    await queryRunner.query(`DROP INDEX "uq_users_username_normalized"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "username_normalized"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_users_username" ON "users" (lower("username"))`);
  }
}
