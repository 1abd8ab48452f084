import { Field, InputType } from '@nestjs/graphql';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { PASSWORD_MAX_INPUT_LENGTH } from '@stl/shared/domain';
import { IsNewPassword } from '../password-rule';

@InputType({ description: 'A signed-in person changing their own password (changePassword).' })
export class ChangePasswordInput {
  @Field({ description: 'The password the person signs in with now, as typed.' })
  @IsString({ message: 'Enter your current password.' })
  @MinLength(1, { message: 'Enter your current password.' })
  @MaxLength(PASSWORD_MAX_INPUT_LENGTH, { message: 'That is not your current password.' })
  currentPassword!: string;

  @Field({
    description:
      'The new password: 12–128 characters (Unicode code points after NFKC), not a common or leaked password, without your name or e-mail address (ADR 0010).',
  })
  @IsNewPassword()
  newPassword!: string;
}
