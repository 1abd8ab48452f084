import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEnum, ValidateNested } from 'class-validator';
import { AttendanceStatus } from '@stl/api/data-access-db';
import { IsId } from '@stl/api/util-graphql';

export const MAX_ATTENDANCE_ENTRIES = 500;

@InputType({ description: "One participant's attendance at the meeting." })
export class AttendanceEntryInput {
  @Field(() => ID, { description: 'The participant.' })
  @IsId('participant')
  personId!: string;

  @Field(() => AttendanceStatus, { description: 'Present, absent or excused.' })
  @IsEnum(AttendanceStatus, { message: 'The attendance must be PRESENT, ABSENT or EXCUSED.' })
  status!: AttendanceStatus;
}

@ArgsType()
export class RecordAttendanceArgs {
  @Field(() => ID, {
    description:
      "The meeting to record attendance for; the cohort's course leaders and the organisation's administrators only.",
  })
  @IsId('meeting')
  meetingId!: string;

  @Field(() => [AttendanceEntryInput], {
    description: 'One entry per participant; later entries replace earlier.',
  })
  @IsArray()
  @ArrayMinSize(1, { message: 'Record attendance for at least one participant.' })
  @ArrayMaxSize(MAX_ATTENDANCE_ENTRIES, {
    message: `Record at most ${MAX_ATTENDANCE_ENTRIES} entries at a time.`,
  })
  @ValidateNested({ each: true })
  @Type(() => AttendanceEntryInput)
  entries!: AttendanceEntryInput[];
}
