import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, VersionColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { BaseEntity } from '../shared/base.entity';
import { CohortEntity } from '../cohort/cohort.entity';

export enum MeetingMode {
  DIGITAL = 'DIGITAL',
  PHYSICAL = 'PHYSICAL',
}
registerEnumType(MeetingMode, {
  name: 'MeetingMode',
  description: 'How a meeting is held.',
  valuesMap: {
    DIGITAL: { description: "Online, at the meeting's video link." },
    PHYSICAL: { description: "In a room, at the meeting's location." },
  },
});

/** One of the cohort's joint meetings (träffar); at least eight per cohort. */
@ObjectType('Meeting', {
  description:
    "One of the cohort's joint meetings (träffar); at least eight per cohort. Visible to everyone who may see the cohort; course leaders and administrators plan them.",
})
@Entity('meeting')
@Index(['cohortId', 'number'], { unique: true })
@Check('meeting_times_ordered', '"ends_at" > "starts_at"')
export class MeetingEntity extends BaseEntity {
  @Field(() => ID, { description: 'The cohort the meeting belongs to.' })
  @Column({ type: 'uuid' })
  cohortId!: string;

  @ManyToOne(() => CohortEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: Relation<CohortEntity>;

  @Field(() => Int, { description: "The meeting's number within the cohort, from 1, in date order." })
  @Column({ type: 'smallint' })
  number!: number;

  @Field({ description: 'The meeting\'s title, e.g. "Träff 3".' })
  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Field(() => String, {
    nullable: true,
    description: 'What the meeting is about, if the course leader wrote it.',
  })
  @Column({ type: 'varchar', length: 300, nullable: true })
  theme!: string | null;

  @Field(() => GraphQLISODateTime, { description: 'When the meeting starts (UTC; shown in Stockholm time).' })
  @Column({ type: 'timestamptz' })
  startsAt!: Date;

  @Field(() => GraphQLISODateTime, { description: 'When the meeting ends (UTC).' })
  @Column({ type: 'timestamptz' })
  endsAt!: Date;

  @Field(() => MeetingMode, { description: 'Whether the meeting is held online or in a room.' })
  @Column({ type: 'varchar', length: 16 })
  mode!: MeetingMode;

  @Field(() => String, {
    nullable: true,
    description: 'Where a physical meeting is held; null when digital or not yet decided.',
  })
  @Column({ type: 'varchar', length: 300, nullable: true })
  location!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The link to a digital meeting; null when physical or not yet decided.',
  })
  @Column({ type: 'varchar', length: 2000, nullable: true })
  videoUrl!: string | null;

  @Field({ description: 'What participants read or do before the meeting.' })
  @Column({ type: 'text', default: '' })
  preparation!: string;

  @Field(() => [String], {
    description: 'Questions the course leader has set for discussion at the meeting, in order; may be empty.',
  })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  discussionQuestions!: string[];

  /**
   * Raised by every change saved through TypeORM (a version column): the SEQUENCE of the meeting's
   * calendar events, so a subscribed calendar takes a moved meeting as an update (ADR 0034).
   */
  @VersionColumn({ default: 1 })
  revision!: number;
}
