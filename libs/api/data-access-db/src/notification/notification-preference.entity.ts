import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import type { MailKind } from '@stl/mail/util-templates';
import { PersonEntity } from '../person/person.entity';

/**
 * A person's mail choices: the kinds they turned off (by the one-click link or in the settings),
 * and whether they want one daily digest instead of single mails. No row means the defaults:
 * every kind on, no digest.
 */
@Entity('notification_preference')
export class NotificationPreferenceEntity {
  @PrimaryColumn({ type: 'uuid' })
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: Relation<PersonEntity>;

  @Column({ type: 'varchar', length: 40, array: true, default: () => "'{}'" })
  disabledKinds!: MailKind[];

  @Column({ type: 'boolean', default: false })
  digestDaily!: boolean;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
