import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, JoinColumn, ManyToOne, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { AnalysisRoundEntity } from '../round/analysis-round.entity';
import { PersonEntity } from '../person/person.entity';

/** The state of critical-friend allocation for one round: applied with which seed, and locked. */
@ObjectType('RoundAllocation', {
  description:
    "The state of critical-friend allocation for one round: applied with which seed, and locked or not. Visible to the cohort's course leaders and the organisation's administrators.",
})
@Entity('round_allocation')
export class RoundAllocationEntity {
  @Field(() => ID, { description: 'The round.' })
  @PrimaryColumn({ type: 'uuid' })
  roundId!: string;

  @OneToOne(() => AnalysisRoundEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  round?: Relation<AnalysisRoundEntity>;

  @Field({
    description: 'The seed the allocation was computed with; the same seed and inputs give the same pairs.',
  })
  @Column({ type: 'varchar', length: 64 })
  seed!: string;

  @Field(() => GraphQLISODateTime, { description: 'When the allocation was last applied (UTC).' })
  @Column({ type: 'timestamptz' })
  appliedAt!: Date;

  @Field(() => ID, { description: 'Who applied it.' })
  @Column({ type: 'uuid' })
  appliedById!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'applied_by_id' })
  appliedBy?: Relation<PersonEntity>;

  /** Once locked, re-running the allocation is refused; only repairs and manual changes remain. */
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description:
      'When it was locked (UTC); after that only repairs and manual changes remain. Null while unlocked.',
  })
  @Column({ type: 'timestamptz', nullable: true })
  lockedAt!: Date | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
