import {
  Column,
  CreateDateColumn,
  Entity,
  Generated,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import type { Relation } from 'typeorm';
import { PersonEntity } from '../person/person.entity';

/**
 * A signed-in browser. The cookie carries a random token; only its SHA-256 is stored, so a leaked
 * table does not leak sessions. Kept in PostgreSQL so any number of API processes share it.
 */
@Entity('session')
export class SessionEntity {
  /** hex SHA-256 of the token */
  @PrimaryColumn({ type: 'char', length: 64 })
  id!: string;

  /**
   * The id the person sees in "my sessions" and uses to end one. Random and unrelated to the token,
   * so showing it reveals nothing about the cookie (the digest above is never shown).
   */
  @Index({ unique: true })
  @Column({ type: 'uuid' })
  @Generated('uuid')
  publicId!: string;

  @Index()
  @Column({ type: 'uuid' })
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: Relation<PersonEntity>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  /**
   * When the session ends unless used again: the idle deadline (last seen + idle timeout), never
   * later than the absolute end (created + absolute lifetime). The hourly purge deletes by it.
   */
  @Index()
  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  /** Last request, recorded at most once a minute. */
  @Column({ type: 'timestamptz' })
  lastSeenAt!: Date;

  @Column({ type: 'varchar', length: 400, nullable: true })
  userAgent!: string | null;
}
