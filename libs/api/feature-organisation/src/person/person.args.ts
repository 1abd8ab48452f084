import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEnum, IsOptional } from 'class-validator';
import { Role } from '@stl/api/data-access-db';
import { IsId, IsPassword } from '../common/validation';

@ArgsType()
export class RoleChangeArgs {
  @Field(() => ID, { description: 'The person.' })
  @IsId('person')
  personId!: string;

  @Field(() => Role, { description: 'The role.' })
  @IsEnum(Role, { message: 'That is not a known role.' })
  role!: Role;

  @Field(() => ID, { nullable: true, description: 'The school led; required for SCHOOL_LEADER only.' })
  @IsOptional()
  @IsId('school')
  schoolId?: string | null;
}

@ArgsType()
export class SetPasswordArgs {
  @Field(() => ID, { description: 'The person whose password to set.' })
  @IsId('person')
  personId!: string;

  @Field({
    description:
      'The new password: 12–128 characters, not a common or leaked password, without the person’s name or e-mail address (ADR 0010).',
  })
  @IsPassword()
  password!: string;
}
