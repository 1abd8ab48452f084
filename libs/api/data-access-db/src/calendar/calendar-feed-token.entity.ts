import { Column, CreateDateColumn, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { PersonEntity } from '../person/person.entity';

/**
 * A person's private calendar feed (issue 14, ADR 0034): the SHA-256 of the secret token in their
 * iCal URL, never the token itself, which is shown once when made. One row per person; renewing
 * replaces the hash, so the old URL answers 404 from then on.
 */
@Entity('calendar_feed_token')
export class CalendarFeedTokenEntity {
  @PrimaryColumn({ type: 'uuid' })
  personId!: string;

  @OneToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: Relation<PersonEntity>;

  /** hex SHA-256 of the token in the URL. */
  @Index({ unique: true })
  @Column({ type: 'char', length: 64 })
  tokenHash!: string;

  /** When this token was made (the URL's first use or its latest renewal). */
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  /** When a calendar last fetched the feed with this token; null until then. */
  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;
}
