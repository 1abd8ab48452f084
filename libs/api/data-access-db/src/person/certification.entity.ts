import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Relation } from 'typeorm';
import { BaseEntity } from '../shared/base.entity';
import { isoDate } from '../shared/date.transformer';
import { PersonEntity } from './person.entity';

/** An STL certification of a course leader. Only a valid one lets a person lead a cohort. */
@ObjectType('Certification', {
  description:
    "An STL certification of a course leader; only a valid one lets a person lead a cohort. Visible to the person and the organisation's administrators.",
})
@Entity('certification')
@Check('certification_dates_ordered', '"valid_until" >= "issued_on"')
export class CertificationEntity extends BaseEntity {
  @Field(() => ID, { description: 'The certified person.' })
  @Index('IDX_certification_person')
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

  @Field({ description: 'Who issued the certification, e.g. "STL-utbildarnätverket".' })
  @Column({ type: 'varchar', length: 200 })
  issuer!: string;

  @Field(() => String, {
    nullable: true,
    description: "The certificate's number or reference, when there is one.",
  })
  @Column({ type: 'varchar', length: 100, nullable: true })
  reference!: string | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When an administrator revoked it (UTC); null while not revoked.',
  })
  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
