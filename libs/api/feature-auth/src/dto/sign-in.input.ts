import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { PASSWORD_MAX_INPUT_LENGTH } from '@stl/shared/domain';

@InputType({ description: 'Credentials for signing in with a password.' })
export class SignInInput {
  @Field({ description: 'The e-mail address the account was invited with (case-insensitive).' })
  @IsEmail({}, { message: 'Enter a valid e-mail address.' })
  @MaxLength(320)
  email!: string;

  @Field({ description: "The account's password. Never logged or stored in clear text." })
  @IsString()
  @MinLength(1, { message: 'Enter your password.' })
  @MaxLength(PASSWORD_MAX_INPUT_LENGTH)
  password!: string;
}
