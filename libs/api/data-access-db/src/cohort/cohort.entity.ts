import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Relation } from 'typeorm';
import { BaseEntity } from '../shared/base.entity';
import { isoDate, numeric } from '../shared/date.transformer';
import { OrganisationEntity } from '../organisation/organisation.entity';

export enum CohortStatus {
  PLANNING = 'PLANNING',
  OPEN = 'OPEN',
  COMPLETED = 'COMPLETED',
  ARCHIVED = 'ARCHIVED',
}
registerEnumType(CohortStatus, {
  name: 'CohortStatus',
  description: 'Where a cohort is in its year.',
  valuesMap: {
    PLANNING: { description: 'Being set up by its leaders; participants get no mail and no tasks yet.' },
    OPEN: { description: 'Running: participants write, review and get reminders.' },
    COMPLETED: { description: 'The year is over; read-only apart from late corrections by leaders.' },
    ARCHIVED: {
      description: 'Put away; kept for follow-up and the retention schedule, hidden from daily lists.',
    },
  },
});

/**
 * The qualities of feedback a course leader may require in their cohort (ADR 0035): the four
 * positive ones of the feedback coach (docs/feedback-coach.md). Stored by the analyser's own keys.
 */
export enum RequirableQuality {
  ANCHORED = 'anchored',
  QUESTION = 'question',
  NEXT_STEP = 'nextStep',
  ABOUT_LEARNING = 'aboutLearning',
}
registerEnumType(RequirableQuality, {
  name: 'RequirableQuality',
  description: "A quality of feedback a cohort's course leaders may require (the feedback coach's reading).",
  valuesMap: {
    ANCHORED: { description: 'Refers to something specific in the analysis.' },
    QUESTION: { description: 'Asks at least one genuine question.' },
    NEXT_STEP: { description: 'Proposes a concrete next step for the teaching.' },
    ABOUT_LEARNING: { description: "Speaks of the pupils' learning, goals or evidence." },
  },
});

/** The unique index on (organisation, school year, lower(trimmed name)): COHORT_NAME_TAKEN when hit. */
export const COHORT_NAME_INDEX = 'UQ_cohort_organisation_year_name';

/** One run of the course (utbildningsomgång) over a school year. */
@ObjectType('Cohort', {
  description:
    "One run of the course (utbildningsomgång) over a school year: participants, course leaders, meetings and analysis rounds. Visible to its members and leaders, the organisation's administrators, and school leaders whose teachers take part.",
})
@Entity('cohort')
@Index(['organisationId', 'schoolYear'])
// One name per organisation and school year, ignoring case and spaces: an expression index the
// schema diff cannot describe, so it is made by migration CohortNameUnique and left alone here.
@Index(COHORT_NAME_INDEX, { synchronize: false })
@Check('cohort_dates_ordered', '"ends_on" >= "starts_on"')
@Check('cohort_status_known', `"status" IN ('PLANNING', 'OPEN', 'COMPLETED', 'ARCHIVED')`)
@Check('cohort_peers_range', '"peers_per_analysis" BETWEEN 1 AND 6')
@Check('cohort_attendance_share_range', '"required_attendance_share" BETWEEN 0 AND 1')
export class CohortEntity extends BaseEntity {
  @Field(() => ID, { description: 'The organisation (huvudman) that runs the cohort.' })
  @Column({ type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Relation<OrganisationEntity>;

  @Field({
    description:
      "The cohort's name, unique within the organisation and school year (ignoring case and surrounding spaces).",
  })
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Field({ description: 'School year as Swedes write it, e.g. "2026/27".' })
  @Column({ type: 'varchar', length: 7 })
  schoolYear!: string;

  @Field({ description: 'ISO date (YYYY-MM-DD).' })
  @Column({ type: 'date', transformer: isoDate })
  startsOn!: string;

  @Field({ description: 'ISO date (YYYY-MM-DD).' })
  @Column({ type: 'date', transformer: isoDate })
  endsOn!: string;

  @Field(() => CohortStatus, {
    description: 'Where the cohort is in its year: planned, open, completed or archived.',
  })
  @Column({ type: 'varchar', length: 16, default: CohortStatus.PLANNING })
  status!: CohortStatus;

  @Field(() => Float, { description: 'Share of meetings a participant must attend to complete (0–1).' })
  @Column({ type: 'numeric', precision: 4, scale: 3, default: () => '0.75', transformer: numeric })
  requiredAttendanceShare!: number;

  @Field(() => Int, { description: 'Critical friends (peer reviewers) per published analysis.' })
  @Column({ type: 'smallint', default: 2 })
  peersPerAnalysis!: number;

  @Field(() => Int, { description: 'Minimum characters in each part of a piece of feedback.' })
  @Column({ type: 'integer', default: 50 })
  feedbackMinLength!: number;

  @Field(() => [RequirableQuality], {
    description:
      "Qualities every piece of feedback in the cohort must have when it is sent, critical friends' and course leaders' alike (ADR 0035); empty: the feedback coach only advises. Visible to whoever sees the cohort.",
  })
  @Column({ type: 'varchar', length: 16, array: true, default: () => "'{}'" })
  requiredFeedbackQualities!: RequirableQuality[];

  @Field({ description: 'Prefer reviewers from the same school (internal network) for everyone.' })
  @Column({ type: 'boolean', default: false })
  sameSchoolSupport!: boolean;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When a course leader opened the cohort to its participants (UTC); null while planning.',
  })
  @Column({ type: 'timestamptz', nullable: true })
  openedAt!: Date | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the cohort was marked completed (UTC); null until then.',
  })
  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  /** When the cohort was archived; the retention schedule counts from it (ADR 0030). */
  @Column({ type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;
}
