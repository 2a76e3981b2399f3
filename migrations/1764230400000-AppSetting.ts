import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Key/value settings the app keeps about itself (e.g. the category thresholds the stored rows were derived with). */
export class AppSetting1764230400000 implements MigrationInterface {
  name = 'AppSetting1764230400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "app_setting" (
        "key" varchar(100) NOT NULL,
        "value" jsonb NOT NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_app_setting" PRIMARY KEY ("key")
      )`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "app_setting"`);
  }
}
