import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { Relation } from 'typeorm';
import { PersonEntity } from '../person/person.entity';

/**
 * A person's account at an OpenID Connect provider: the (issuer, subject) pair the provider vouches
 * for. Stored at the first single sign-on (matched by e-mail then); afterwards the person is found
 * by it first, so a changed e-mail address at the provider still signs in the same person.
 */
@Entity('person_identity')
@Index(['issuer', 'subject'], { unique: true })
export class PersonIdentityEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'uuid' })
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: Relation<PersonEntity>;

  @Column({ type: 'varchar', length: 500 })
  issuer!: string;

  /** The `sub` claim: stable and unique within the issuer. */
  @Column({ type: 'varchar', length: 255 })
  subject!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lastSignInAt!: Date | null;
}
