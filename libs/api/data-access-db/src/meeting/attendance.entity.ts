import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { MeetingEntity } from './meeting.entity';
import { PersonEntity } from '../person/person.entity';

export enum AttendanceStatus {
  PRESENT = 'PRESENT',
  ABSENT = 'ABSENT',
  EXCUSED = 'EXCUSED',
}
registerEnumType(AttendanceStatus, { name: 'AttendanceStatus' });

@ObjectType('Attendance')
@Entity('attendance')
export class AttendanceEntity {
  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid' })
  meetingId!: string;

  @ManyToOne(() => MeetingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Relation<MeetingEntity>;

  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid' })
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: Relation<PersonEntity>;

  @Field(() => AttendanceStatus)
  @Column({ type: 'varchar', length: 16 })
  status!: AttendanceStatus;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  recordedById!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by_id' })
  recordedBy?: Relation<PersonEntity>;

  @Field(() => GraphQLISODateTime)
  @UpdateDateColumn({ type: 'timestamptz' })
  recordedAt!: Date;
}
