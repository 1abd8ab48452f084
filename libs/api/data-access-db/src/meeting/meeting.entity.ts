import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Relation } from 'typeorm';
import { BaseEntity } from '../shared/base.entity';
import { CohortEntity } from '../cohort/cohort.entity';

export enum MeetingMode {
  DIGITAL = 'DIGITAL',
  PHYSICAL = 'PHYSICAL',
}
registerEnumType(MeetingMode, { name: 'MeetingMode' });

/** One of the cohort's joint meetings (träffar); at least eight per cohort. */
@ObjectType('Meeting')
@Entity('meeting')
@Index(['cohortId', 'number'], { unique: true })
@Check('meeting_times_ordered', '"ends_at" > "starts_at"')
export class MeetingEntity extends BaseEntity {
  @Field(() => ID)
  @Column({ type: 'uuid' })
  cohortId!: string;

  @ManyToOne(() => CohortEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: Relation<CohortEntity>;

  @Field(() => Int)
  @Column({ type: 'smallint' })
  number!: number;

  @Field()
  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 300, nullable: true })
  theme!: string | null;

  @Field(() => GraphQLISODateTime)
  @Column({ type: 'timestamptz' })
  startsAt!: Date;

  @Field(() => GraphQLISODateTime)
  @Column({ type: 'timestamptz' })
  endsAt!: Date;

  @Field(() => MeetingMode)
  @Column({ type: 'varchar', length: 16 })
  mode!: MeetingMode;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 300, nullable: true })
  location!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 2000, nullable: true })
  videoUrl!: string | null;

  @Field({ description: 'What participants read or do before the meeting.' })
  @Column({ type: 'text', default: '' })
  preparation!: string;

  @Field(() => [String])
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  discussionQuestions!: string[];
}
