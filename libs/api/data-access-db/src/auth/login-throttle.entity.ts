import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Sign-in attempts counted per account and per client address (brute-force protection, ADR 0004
 * amendment). Kept in PostgreSQL so every API process counts into the same row. The key is
 * `account:` or `address:` and the hex SHA-256 of the e-mail address (lower case) or the client
 * address: a digest of what was typed, not a reference to a person (unknown addresses are counted
 * too), so no foreign key.
 */
@Entity('login_throttle')
export class LoginThrottleEntity {
  @PrimaryColumn({ type: 'varchar', length: 80 })
  key!: string;

  /** Attempts counted since `windowStartedAt` (a success resets an account's row). */
  @Column({ type: 'int' })
  attempts!: number;

  @Column({ type: 'timestamptz' })
  windowStartedAt!: Date;

  /** The latest counted attempt; a quiet hour after it resets the count, and the purge deletes by it. */
  @Index()
  @Column({ type: 'timestamptz' })
  lastAttemptAt!: Date;

  /** Further attempts are refused, before any hashing, until then. */
  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;
}
