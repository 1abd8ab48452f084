import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log (issue 12, ADR 0029), append-only in the database itself: a trigger refuses UPDATE,
 * DELETE and TRUNCATE for every role, a superuser included (triggers are not bypassed by
 * privileges), and the privileges themselves are revoked from PUBLIC and from the role that runs
 * the migrations, which is the application's role.
 */
export class AuditLog1796551663497 implements MigrationInterface {
  name = 'AuditLog1796551663497';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), "actor_id" uuid, "organisation_id" uuid, "kind" character varying(40) NOT NULL, "target_type" character varying(20), "target_id" character varying(80), "outcome" character varying(10) NOT NULL, "details" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_481efbe8b0a403efe3f47a6528f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_event_organisation_actor_time" ON "audit_event"  ("organisation_id", "actor_id", "occurred_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_event_organisation_kind_time" ON "audit_event"  ("organisation_id", "kind", "occurred_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_event_organisation_time" ON "audit_event"  ("organisation_id", "occurred_at") `,
    );
    await queryRunner.query(
      `CREATE FUNCTION "audit_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "audit_event_append_only" BEFORE UPDATE OR DELETE ON "audit_event" FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_append_only"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "audit_event_no_truncate" BEFORE TRUNCATE ON "audit_event" FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_append_only"()`,
    );
    await queryRunner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON "audit_event" FROM PUBLIC`);
    await queryRunner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON "audit_event" FROM CURRENT_USER`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "audit_event_no_truncate" ON "audit_event"`);
    await queryRunner.query(`DROP TRIGGER "audit_event_append_only" ON "audit_event"`);
    await queryRunner.query(`DROP FUNCTION "audit_event_append_only"()`);
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_event_organisation_time"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_event_organisation_kind_time"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_event_organisation_actor_time"`);
    await queryRunner.query(`DROP TABLE "audit_event"`);
  }
}
