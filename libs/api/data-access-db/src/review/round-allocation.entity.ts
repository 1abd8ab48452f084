import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, JoinColumn, ManyToOne, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { AnalysisRoundEntity } from '../round/analysis-round.entity';
import { PersonEntity } from '../person/person.entity';

/** The state of critical-friend allocation for one round: applied with which seed, and locked. */
@ObjectType('RoundAllocation')
@Entity('round_allocation')
export class RoundAllocationEntity {
  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid' })
  roundId!: string;

  @OneToOne(() => AnalysisRoundEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  round?: Relation<AnalysisRoundEntity>;

  @Field()
  @Column({ type: 'varchar', length: 64 })
  seed!: string;

  @Field(() => GraphQLISODateTime)
  @Column({ type: 'timestamptz' })
  appliedAt!: Date;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  appliedById!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'applied_by_id' })
  appliedBy?: Relation<PersonEntity>;

  /** Once locked, re-running the allocation is refused; only repairs and manual changes remain. */
  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  lockedAt!: Date | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
