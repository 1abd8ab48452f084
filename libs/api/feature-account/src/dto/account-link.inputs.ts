import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength } from 'class-validator';
import { IsNewPassword } from '@stl/api/feature-auth';

@InputType({
  description: 'Asking for a mailed link (password reset or sign-in link); anyone may ask, signed in or not.',
})
export class RequestAccountLinkInput {
  @Field({
    description: 'The e-mail address the account signs in with (spaces around it and case do not matter).',
  })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsEmail({}, { message: 'Enter a valid e-mail address.' })
  @MaxLength(320, { message: 'Enter a valid e-mail address.' })
  email!: string;
}

@InputType({ description: 'Choosing a password with a mailed link (accepting an invitation, or a reset).' })
export class SetPasswordWithLinkInput {
  @Field({ description: 'The token from the link in the mail (the part after #).' })
  @IsString()
  @MaxLength(200)
  token!: string;

  @Field({
    description:
      'The new password: 12–128 characters (Unicode code points after NFKC), not a common or leaked password, without your name or e-mail address (ADR 0010).',
  })
  @IsNewPassword()
  newPassword!: string;
}
