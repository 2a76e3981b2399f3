import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables the student-semester join (training set, feature statistics) reads values from. */
const TABLES = ['nilai_raport', 'presensi', 'penghasilan_orang_tua', 'prestasi'];

/**
 * Every committed write to the training data announces itself on `edupro_training_data_changed`
 * (src/prediksi/services/training-data-changes.ts), so each process can keep whole-data summaries
 * exactly until the data changes. Statement-level: one NOTIFY per statement, however many rows, and
 * PostgreSQL folds identical notifications of one transaction into one, delivered at commit (never
 * for a rolled-back write). TRUNCATE notifies too.
 */
export class TrainingDataChanges1764231900000 implements MigrationInterface {
  name = 'TrainingDataChanges1764231900000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION notify_training_data_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        PERFORM pg_notify('edupro_training_data_changed', '');
        RETURN NULL;
      END
      $fn$`);
    for (const table of TABLES) {
      await queryRunner.query(
        `CREATE TRIGGER "tr_${table}_training_data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${table}"
           FOR EACH STATEMENT EXECUTE FUNCTION notify_training_data_changed()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await queryRunner.query(`DROP TRIGGER "tr_${table}_training_data_changed" ON "${table}"`);
    await queryRunner.query(`DROP FUNCTION notify_training_data_changed()`);
  }
}
