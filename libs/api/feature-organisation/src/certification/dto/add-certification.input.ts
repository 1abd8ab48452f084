import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsId, IsIsoDate, IsName, Trim } from '../../common/validation';

export const MAX_REFERENCE_LENGTH = 100;

@InputType({ description: 'A new STL certification for a course leader; administrators only.' })
export class AddCertificationInput {
  @Field(() => ID, { description: "The certified person, of the administrator's organisation." })
  @IsId('person')
  personId!: string;

  @Field({ description: 'YYYY-MM-DD.' })
  @IsIsoDate('issue date')
  issuedOn!: string;

  @Field({ description: 'YYYY-MM-DD, the last valid day; not before issuedOn.' })
  @IsIsoDate('last valid day')
  validUntil!: string;

  @Field({ description: 'Who certified, e.g. "STL-utbildarnätverket". 1–200 characters.' })
  @IsName('issuer')
  issuer!: string;

  @Field(() => String, { nullable: true, description: 'The certificate’s number, at most 100 characters.' })
  @IsOptional()
  @Trim()
  @IsString({ message: 'The reference must be text.' })
  @MaxLength(MAX_REFERENCE_LENGTH, {
    message: `A reference can be at most ${MAX_REFERENCE_LENGTH} characters long.`,
  })
  reference?: string | null;
}
