import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, JoinColumn, ManyToOne } from 'typeorm';
import type { Relation } from 'typeorm';
import { BaseEntity } from '../shared/base.entity';
import { isoDate } from '../shared/date.transformer';
import { PersonEntity } from './person.entity';

/** An STL certification of a course leader. Only a valid one lets a person lead a cohort. */
@ObjectType('Certification')
@Entity('certification')
@Check('certification_dates_ordered', '"valid_until" >= "issued_on"')
export class CertificationEntity extends BaseEntity {
  @Field(() => ID)
  @Column({ type: 'uuid' })
  personId!: string;

  @ManyToOne(() => PersonEntity, (p) => p.certifications, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: Relation<PersonEntity>;

  @Field({ description: 'ISO date (YYYY-MM-DD) the certificate was issued.' })
  @Column({ type: 'date', transformer: isoDate })
  issuedOn!: string;

  @Field({ description: 'ISO date (YYYY-MM-DD), last day the certificate is valid.' })
  @Column({ type: 'date', transformer: isoDate })
  validUntil!: string;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  issuer!: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 100, nullable: true })
  reference!: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
