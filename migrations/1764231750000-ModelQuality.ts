import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a model was trained on (row count, hash, thresholds, label source, and a digest per row, for
 * the staleness check), the fairness and calibration reports of its cross-validation, and, for a
 * challenger, the champion/challenger decision. All nullable: models trained before this migration
 * have none of it (their status reports the provenance as unknown).
 */
export class ModelQuality1764231750000 implements MigrationInterface {
  name = 'ModelQuality1764231750000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "model"
        ADD COLUMN "provenance" jsonb NULL,
        ADD COLUMN "training_rows" jsonb NULL,
        ADD COLUMN "fairness" jsonb NULL,
        ADD COLUMN "calibration" jsonb NULL,
        ADD COLUMN "challenger" jsonb NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "model"
        DROP COLUMN "challenger",
        DROP COLUMN "calibration",
        DROP COLUMN "fairness",
        DROP COLUMN "training_rows",
        DROP COLUMN "provenance"`);
  }
}
