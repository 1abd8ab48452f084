import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An organisation's own school holidays per school year (issue 19); none: the built-in defaults. */
export class SchoolHolidays1796543597679 implements MigrationInterface {
  name = 'SchoolHolidays1796543597679';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "school_holiday" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "school_year" character varying(7) NOT NULL, "name" character varying(60) NOT NULL, "starts_on" date NOT NULL, "ends_on" date NOT NULL, CONSTRAINT "school_holiday_dates_ordered" CHECK ("ends_on" >= "starts_on"), CONSTRAINT "PK_24ee188a3277b43501e941b92f7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_3783d99d03502daa36f0eee56b" ON "school_holiday"  ("organisation_id", "school_year") `,
    );
    await queryRunner.query(
      `ALTER TABLE "school_holiday" ADD CONSTRAINT "FK_e8a4c6bb4b1e83dc8f0d7815ae9" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "school_holiday" DROP CONSTRAINT "FK_e8a4c6bb4b1e83dc8f0d7815ae9"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3783d99d03502daa36f0eee56b"`);
    await queryRunner.query(`DROP TABLE "school_holiday"`);
  }
}
