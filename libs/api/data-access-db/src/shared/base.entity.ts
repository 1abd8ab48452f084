import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Every aggregate root: a UUID made by PostgreSQL and audit timestamps. */
@ObjectType({ isAbstract: true })
export abstract class BaseEntity {
  @Field(() => ID, { description: 'Stable identifier (a UUID); never reused.' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => GraphQLISODateTime, { description: 'When the record was created (UTC).' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Field(() => GraphQLISODateTime, { description: 'When the record last changed (UTC).' })
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
