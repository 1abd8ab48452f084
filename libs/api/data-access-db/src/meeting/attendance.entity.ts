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
registerEnumType(AttendanceStatus, {
  name: 'AttendanceStatus',
  description: "A participant's attendance at one meeting.",
  valuesMap: {
    PRESENT: { description: 'Took part in the meeting.' },
    ABSENT: { description: 'Did not take part and gave no excuse.' },
    EXCUSED: {
      description: 'Did not take part, with a valid excuse; counts as absent for the completion rule.',
    },
  },
});

@ObjectType('Attendance', {
  description:
    "Whether one participant attended one meeting, as recorded by a course leader. Visible to the participant, the cohort's course leaders, the organisation's administrators and the participant's school leaders.",
})
@Entity('attendance')
export class AttendanceEntity {
  @Field(() => ID, { description: 'The meeting.' })
  @PrimaryColumn({ type: 'uuid' })
  meetingId!: string;

  @ManyToOne(() => MeetingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Relation<MeetingEntity>;

  @Field(() => ID, { description: 'The participant.' })
  @PrimaryColumn({ type: 'uuid' })
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: Relation<PersonEntity>;

  @Field(() => AttendanceStatus, { description: 'Present, absent or excused.' })
  @Column({ type: 'varchar', length: 16 })
  status!: AttendanceStatus;

  @Field(() => ID, { description: 'The course leader who recorded it.' })
  @Column({ type: 'uuid' })
  recordedById!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by_id' })
  recordedBy?: Relation<PersonEntity>;

  @Field(() => GraphQLISODateTime, { description: 'When it was last recorded (UTC).' })
  @UpdateDateColumn({ type: 'timestamptz' })
  recordedAt!: Date;
}
