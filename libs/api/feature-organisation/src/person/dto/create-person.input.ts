import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsEnum,
  IsOptional,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Locale } from '@stl/api/data-access-db';
import { IsId, IsName, IsPassword } from '../../common/validation';
import { normaliseEmail } from '../role-rules';
import { RoleGrantInput } from './role-grant.input';

@InputType({ description: 'A new person of an organisation, added by its administrators (then invited).' })
export class CreatePersonInput {
  @Field(() => ID, { description: "The person's organisation." })
  @IsId('organisation')
  organisationId!: string;

  @Field({ description: '1–200 characters, trimmed.' })
  @IsName('full name')
  fullName!: string;

  @Field({ description: 'The sign-in name: trimmed, lower-cased, unique across the platform.' })
  @Transform(({ value }) => (typeof value === 'string' ? normaliseEmail(value) : value))
  @IsEmail({}, { message: 'Enter a valid e-mail address.' })
  @MaxLength(320, { message: 'An e-mail address can be at most 320 characters long.' })
  email!: string;

  @Field(() => ID, { nullable: true, description: 'Home school (a school of the same organisation).' })
  @IsOptional()
  @IsId('school')
  schoolId?: string | null;

  @Field(() => Locale, { nullable: true, description: 'Defaults to sv.' })
  @IsOptional()
  @IsEnum(Locale, { message: 'That is not a supported language.' })
  locale?: Locale | null;

  @Field(() => [RoleGrantInput], { description: 'At least one role.' })
  @IsArray({ message: 'Give the roles as a list.' })
  @ArrayMinSize(1, { message: 'Give the person at least one role.' })
  @ArrayMaxSize(20, { message: 'A person can be given at most 20 roles at once.' })
  @ValidateNested({ each: true })
  @Type(() => RoleGrantInput)
  roles!: RoleGrantInput[];

  @Field(() => String, {
    nullable: true,
    description:
      'Administrators only. 12–128 characters, not a common or leaked password, without the person’s name or e-mail address (ADR 0010). Without one, the person cannot sign in until a password is set.',
  })
  @IsOptional()
  @IsPassword()
  password?: string | null;
}
