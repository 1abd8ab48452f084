import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsOptional } from 'class-validator';
import { IsId, PageArgs } from '@stl/api/util-graphql';

/** A whole municipality's cohort (a CSV class list) fits in one all-or-nothing enrolment. */
export const MAX_ENROL_AT_ONCE = 500;

@ArgsType()
export class CohortPersonArgs {
  @Field(() => ID, { description: 'The cohort.' })
  @IsId('cohort')
  cohortId!: string;

  @Field(() => ID, { description: 'The person.' })
  @IsId('person')
  personId!: string;
}

@ArgsType()
export class EnrolParticipantsArgs {
  @Field(() => ID, { description: 'The cohort to enrol the teachers in.' })
  @IsId('cohort')
  cohortId!: string;

  @Field(() => [ID], {
    description: `Teachers of the organisation, 1–${MAX_ENROL_AT_ONCE} in one call (more → BAD_USER_INPUT, problem code arrayMaxSize). A refused row is reported as problem field \`personIds.<index>\`.`,
  })
  @IsArray()
  @ArrayMinSize(1, { message: 'Name at least one teacher to enrol.' })
  @ArrayMaxSize(MAX_ENROL_AT_ONCE, { message: `Enrol at most ${MAX_ENROL_AT_ONCE} teachers at a time.` })
  @ArrayUnique({ message: 'Name each teacher once.' })
  @IsId('person', { each: true })
  personIds!: string[];
}

@ArgsType()
export class SetSameSchoolArgs extends CohortPersonArgs {
  @Field({ description: 'The participant gets critical friends from their own school.' })
  @IsBoolean({ message: 'wantsSameSchool must be true or false.' })
  wantsSameSchool!: boolean;
}

@ArgsType()
export class ParticipantsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only participants enrolled from this school.' })
  @IsOptional()
  @IsId('school')
  schoolId?: string | null;

  @Field(() => Boolean, { defaultValue: false, description: 'Also list participants who have withdrawn.' })
  @IsBoolean({ message: 'includeWithdrawn must be true or false.' })
  includeWithdrawn = false;
}
