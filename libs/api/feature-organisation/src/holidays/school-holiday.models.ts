import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsArray, IsString, IsUUID, ValidateNested } from 'class-validator';

@ObjectType('SchoolHoliday', {
  description: 'One school holiday (lov) of a school year: meeting suggestions avoid its days.',
})
export class SchoolHolidayModel {
  @Field({ description: 'What the organisation calls it: "Jullov", "Sportlov", "Studiedagar v. 45".' })
  name!: string;

  @Field({ description: 'First day off, ISO date (YYYY-MM-DD), Stockholm calendar.' })
  startsOn!: string;

  @Field({ description: 'Last day off (inclusive), ISO date (YYYY-MM-DD).' })
  endsOn!: string;
}

@ObjectType('SchoolHolidays', {
  description:
    "An organisation's school holidays of one school year: its own list, or the built-in defaults (höstlov, jullov, sportlov, påsklov) while it has set none. Read by anyone of the organisation; set by its administrators.",
})
export class SchoolHolidaysModel {
  @Field(() => ID, { description: 'The organisation.' })
  organisationId!: string;

  @Field({ description: 'The school year, e.g. "2026/27".' })
  schoolYear!: string;

  @Field({ description: 'True while the organisation has set none for this year and the defaults apply.' })
  isDefault!: boolean;

  @Field(() => [SchoolHolidayModel], { description: 'The holidays, in date order.' })
  holidays!: SchoolHolidayModel[];
}

@InputType('SchoolHolidayInput', { description: 'One school holiday of the list being set.' })
export class SchoolHolidayInput {
  @Field({ description: 'Its name, 1–60 characters.' })
  @IsString()
  name!: string;

  @Field({ description: 'First day off, ISO date (YYYY-MM-DD).' })
  @IsString()
  startsOn!: string;

  @Field({ description: 'Last day off (inclusive), ISO date (YYYY-MM-DD), on or after startsOn.' })
  @IsString()
  endsOn!: string;
}

@InputType('SetSchoolHolidaysInput', {
  description:
    "An organisation's whole list of school holidays for one school year, replacing the one before; an empty list goes back to the defaults. Administrators of the organisation only.",
})
export class SetSchoolHolidaysInput {
  @Field(() => ID, { description: 'The organisation; the caller must be one of its administrators.' })
  @IsUUID('all', { message: 'Not an organisation id.' })
  organisationId!: string;

  @Field({ description: 'The school year, e.g. "2026/27".' })
  @IsString()
  schoolYear!: string;

  @Field(() => [SchoolHolidayInput], { description: 'At most 12, none overlapping, within the school year.' })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => SchoolHolidayInput)
  holidays!: SchoolHolidayInput[];
}
