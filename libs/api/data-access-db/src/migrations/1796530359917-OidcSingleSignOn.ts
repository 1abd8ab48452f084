import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Single sign-on through each organisation's OpenID Connect provider (ADR 0014): its settings (the
 * client secret only encrypted), the (issuer, subject) pairs people signed in with, and the sign-ins
 * under way (state, nonce and PKCE verifier, at most 10 minutes, single use).
 */
export class OidcSingleSignOn1796530359917 implements MigrationInterface {
  name = 'OidcSingleSignOn1796530359917';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "oidc_sign_in_attempt" ("id" character(64) NOT NULL, "browser_digest" character(64) NOT NULL, "organisation_id" uuid NOT NULL, "code_verifier" character varying(128) NOT NULL, "nonce" character varying(128) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_773b5080718171b70528e50e281" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_4ad2359b9480c9dcd7d2f93710" ON "oidc_sign_in_attempt"  ("expires_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "organisation_sso" ("organisation_id" uuid NOT NULL, "issuer" character varying(500) NOT NULL, "client_id" character varying(300) NOT NULL, "client_secret_encrypted" text, "allowed_domains" text array NOT NULL DEFAULT '{}', "display_name" character varying(100) NOT NULL, "enabled" boolean NOT NULL DEFAULT false, "password_sign_in_disabled" boolean NOT NULL DEFAULT false, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c2d0520d05c4ff089f577c23ac1" PRIMARY KEY ("organisation_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "person_identity" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "issuer" character varying(500) NOT NULL, "subject" character varying(255) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_sign_in_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_78b5b7ca59b4d17dec4704bca3c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_2c3b5bdd50c3a5b506d30e57fb" ON "person_identity"  ("person_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_1e7e643cbb3a071ce5402fb225" ON "person_identity"  ("issuer", "subject") `,
    );
    await queryRunner.query(
      `ALTER TABLE "oidc_sign_in_attempt" ADD CONSTRAINT "FK_aa8856837ef1727f0351d0665f7" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_sso" ADD CONSTRAINT "FK_c2d0520d05c4ff089f577c23ac1" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "person_identity" ADD CONSTRAINT "FK_2c3b5bdd50c3a5b506d30e57fbe" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "person_identity" DROP CONSTRAINT "FK_2c3b5bdd50c3a5b506d30e57fbe"`);
    await queryRunner.query(
      `ALTER TABLE "organisation_sso" DROP CONSTRAINT "FK_c2d0520d05c4ff089f577c23ac1"`,
    );
    await queryRunner.query(
      `ALTER TABLE "oidc_sign_in_attempt" DROP CONSTRAINT "FK_aa8856837ef1727f0351d0665f7"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_1e7e643cbb3a071ce5402fb225"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2c3b5bdd50c3a5b506d30e57fb"`);
    await queryRunner.query(`DROP TABLE "person_identity"`);
    await queryRunner.query(`DROP TABLE "organisation_sso"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4ad2359b9480c9dcd7d2f93710"`);
    await queryRunner.query(`DROP TABLE "oidc_sign_in_attempt"`);
  }
}
