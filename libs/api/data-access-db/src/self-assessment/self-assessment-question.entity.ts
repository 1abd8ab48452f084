import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Relation } from 'typeorm';
import { BaseEntity } from '../shared/base.entity';
import { OrganisationEntity } from '../organisation/organisation.entity';

/**
 * One statement of an organisation's self-assessment (issue 14, ADR 0034), answered on a 1–5
 * scale before and after a cohort. Its administrators edit the list; a statement with answers is
 * retired (`retiredAt`), never deleted, so earlier answers keep their meaning.
 */
@Entity('self_assessment_question')
@Index(['organisationId', 'position'])
// The built-in statements are written once per organisation, however many requests race for it.
@Index(['organisationId', 'seedKey'], { unique: true, where: '"seed_key" IS NOT NULL' })
@Check('self_assessment_question_theme_known', `"theme" IN ('DIGITAL_TOOLS', 'FORMATIVE_FEEDBACK', 'OTHER')`)
export class SelfAssessmentQuestionEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Relation<OrganisationEntity>;

  /** Order on the form, from 1. */
  @Column({ type: 'smallint' })
  position!: number;

  @Column({ type: 'varchar', length: 24 })
  theme!: string;

  @Column({ type: 'varchar', length: 400 })
  textSv!: string;

  @Column({ type: 'varchar', length: 400 })
  textEn!: string;

  /** Which built-in statement this row was seeded from; null for an administrator's own. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  seedKey!: string | null;

  /** Taken off the form; answers given before stay counted under it. */
  @Column({ type: 'timestamptz', nullable: true })
  retiredAt!: Date | null;
}
