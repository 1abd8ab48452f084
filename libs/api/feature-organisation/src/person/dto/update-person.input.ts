import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, ValidateIf } from 'class-validator';
import { Locale } from '@stl/api/data-access-db';
import { IsId, IsName } from '../../common/validation';

/** Fields left out stay as they are. A person may change their own fullName and locale. */
@InputType({
  description:
    'Changes to a person; fields left out stay as they are. A person may change their own fullName and locale; administrators the rest.',
})
export class UpdatePersonInput {
  @Field(() => String, { nullable: true, description: 'New full name.' })
  @ValidateIf((_o, v) => v !== undefined)
  @IsName('full name')
  fullName?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'A new home school, or null for none. Administrators only.',
  })
  @IsOptional()
  @IsId('school')
  schoolId?: string | null;

  @Field(() => Locale, { nullable: true, description: 'New language for screens and mail.' })
  @ValidateIf((_o, v) => v !== undefined)
  @IsEnum(Locale, { message: 'That is not a supported language.' })
  locale?: Locale;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'false deactivates the account: it can no longer sign in and its sessions end. Administrators only.',
  })
  @ValidateIf((_o, v) => v !== undefined)
  @IsBoolean({ message: 'active must be true or false.' })
  active?: boolean;
}
