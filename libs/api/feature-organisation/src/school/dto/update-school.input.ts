import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, Matches, ValidateIf } from 'class-validator';
import { IsName, Trim } from '../../common/validation';
import { UNIT_CODE, UNIT_CODE_MESSAGE } from './create-school.input';

/** Fields left out stay as they are. */
@InputType({
  description:
    "Changes to a school; fields left out stay as they are. The organisation's administrators only.",
})
export class UpdateSchoolInput {
  @Field(() => String, { nullable: true, description: 'A new name; cannot be cleared.' })
  @ValidateIf((_o, v) => v !== undefined)
  @IsName('school name')
  name?: string;

  @Field(() => String, { nullable: true, description: 'A new 8-digit unit code, or null to clear it.' })
  @IsOptional()
  @Trim()
  @Matches(UNIT_CODE, { message: UNIT_CODE_MESSAGE })
  unitCode?: string | null;
}
