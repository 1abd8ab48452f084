import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { InvitationStatus, Role } from '@stl/api/data-access-db';
import { MAX_NAME_LENGTH } from '@stl/shared/domain';
import { PageArgs } from '@stl/api/util-graphql';
import { IsId, Trim } from '../common/validation';

@InputType({ description: 'Narrows a list of people.' })
export class PeopleFilterInput {
  @Field(() => Role, { nullable: true, description: 'Only people holding this role.' })
  @IsOptional()
  @IsEnum(Role, { message: 'That is not a known role.' })
  role?: Role | null;

  @Field(() => ID, { nullable: true, description: 'Only people whose home school this is.' })
  @IsOptional()
  @IsId('school')
  schoolId?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Part of a name, case-insensitive. Also matches e-mail addresses for those who may read them (administrators and course leaders).',
  })
  @IsOptional()
  @Trim()
  @IsString({ message: 'The search must be text.' })
  @MaxLength(MAX_NAME_LENGTH, { message: `A search can be at most ${MAX_NAME_LENGTH} characters long.` })
  search?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only active accounts; false: only deactivated.',
  })
  @IsOptional()
  @IsBoolean({ message: 'active must be true or false.' })
  active?: boolean | null;

  @Field(() => [InvitationStatus], {
    nullable: true,
    description:
      'Only people whose latest invitation has one of these statuses, e.g. [PENDING, EXPIRED] for those who have not accepted (never invited: left out). Administrators only; others are FORBIDDEN.',
  })
  @IsOptional()
  @IsEnum(InvitationStatus, { each: true, message: 'That is not a known invitation status.' })
  invitationStatus?: InvitationStatus[] | null;
}

@ArgsType()
export class PeopleArgs extends PageArgs {
  @Field(() => ID, { description: 'The organisation whose people to list.' })
  @IsId('organisation')
  organisationId!: string;

  @Field(() => PeopleFilterInput, {
    nullable: true,
    description: 'Narrows the list; all people when left out.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => PeopleFilterInput)
  filter?: PeopleFilterInput | null;
}
