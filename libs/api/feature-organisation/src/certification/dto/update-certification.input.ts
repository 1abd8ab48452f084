import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { IsIsoDate, IsName, Trim } from '../../common/validation';
import { MAX_REFERENCE_LENGTH } from './add-certification.input';

/** Fields left out stay as they are; the dates are checked together after the change. */
@InputType({
  description:
    'Changes to a certification; fields left out stay as they are, and the dates are checked together.',
})
export class UpdateCertificationInput {
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  @ValidateIf((_o, v) => v !== undefined)
  @IsIsoDate('issue date')
  issuedOn?: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, the last valid day.' })
  @ValidateIf((_o, v) => v !== undefined)
  @IsIsoDate('last valid day')
  validUntil?: string;

  @Field(() => String, { nullable: true, description: 'Who issued it.' })
  @ValidateIf((_o, v) => v !== undefined)
  @IsName('issuer')
  issuer?: string;

  @Field(() => String, { nullable: true, description: 'A new reference, or null to clear it.' })
  @IsOptional()
  @Trim()
  @IsString({ message: 'The reference must be text.' })
  @MaxLength(MAX_REFERENCE_LENGTH, {
    message: `A reference can be at most ${MAX_REFERENCE_LENGTH} characters long.`,
  })
  reference?: string | null;
}
