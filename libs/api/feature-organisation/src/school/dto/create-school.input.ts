import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, Matches } from 'class-validator';
import { IsId, IsName, Trim } from '../../common/validation';

export const UNIT_CODE = /^\d{8}$/;
export const UNIT_CODE_MESSAGE = 'A school unit code (skolenhetskod) is exactly 8 digits.';

@InputType({ description: 'A new school of an organisation; its administrators only.' })
export class CreateSchoolInput {
  @Field(() => ID, { description: 'The organisation the school belongs to.' })
  @IsId('organisation')
  organisationId!: string;

  @Field({ description: 'Unique within the organisation (ignoring case). 1–200 characters, trimmed.' })
  @IsName('school name')
  name!: string;

  @Field(() => String, { nullable: true, description: 'Skolenhetskod from Skolverket: exactly 8 digits.' })
  @IsOptional()
  @Trim()
  @Matches(UNIT_CODE, { message: UNIT_CODE_MESSAGE })
  unitCode?: string | null;
}
