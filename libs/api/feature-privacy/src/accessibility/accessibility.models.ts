import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEmail, IsOptional, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { IsBoundedText, IsId, IsRequiredText, Trim } from '@stl/api/util-graphql';

const emptyToNull = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && value.trim() === '' ? null : value;

@InputType({
  description:
    'An accessibility problem reported from the accessibility statement (DOS-lagen). Anyone may report, signed in or not.',
})
export class ReportAccessibilityProblemInput {
  @Field(() => String, {
    nullable: true,
    description:
      "The organisation to report to, by its slug (from accessibilityReportOrganisations). Needed when signed out; a signed-in person's report always goes to their own organisation and this is ignored.",
  })
  @IsOptional()
  @IsBoundedText('organisation', 64)
  organisationSlug?: string | null;

  @Field({
    description:
      "What does not work, in the reporter's own words: 10–4,000 characters. Paragraphs are kept (a blank line between them).",
  })
  @IsRequiredText('description', 4000)
  @MinLength(10, { message: 'Describe the problem in at least 10 characters.' })
  description!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Where the problem is: a page, a function or an address; up to 300 characters.',
  })
  @Transform(emptyToNull)
  @IsOptional()
  @Trim()
  @IsBoundedText('place', 300)
  where?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The reporter's name, if they want to give it; up to 200 characters.",
  })
  @Transform(emptyToNull)
  @IsOptional()
  @Trim()
  @IsBoundedText('name', 200)
  name?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'An e-mail address to answer to, if the reporter wants an answer; it becomes the Reply-To of the mail the organisation gets. Never stored outside that mail.',
  })
  @Transform(emptyToNull)
  @IsOptional()
  @Trim()
  @ValidateIf((_o, v) => v !== null && v !== undefined)
  @IsEmail({}, { message: 'Enter a valid e-mail address, or leave it empty.' })
  @MaxLength(320, { message: 'Enter a valid e-mail address, or leave it empty.' })
  email?: string | null;
}

@ObjectType({
  description:
    'What a reporter is told after reporting an accessibility problem. Returned to the reporter only.',
})
export class AccessibilityReportReceiptModel {
  @Field({ description: 'The organisation the report was sent to.' })
  organisationName!: string;

  @Field(() => GraphQLISODateTime, { description: 'When the report was received (UTC).' })
  receivedAt!: Date;

  @Field({ description: 'Whether the reporter gave an address the organisation can answer to.' })
  answerable!: boolean;
}

@ObjectType({
  description:
    'An organisation one can report an accessibility problem to, for the signed-out report form. Public: only the name and slug.',
})
export class AccessibilityReportOrganisationModel {
  @Field({ description: "The organisation's slug, to pass as organisationSlug." })
  slug!: string;

  @Field({ description: 'The organisation\'s name, e.g. "Lärkby kommun".' })
  name!: string;
}

@ObjectType({
  description:
    "Who receives the organisation's accessibility reports. Administrators of the organisation only.",
})
export class AccessibilityContactModel {
  @Field(() => String, {
    nullable: true,
    description:
      "The named contact's full name, or null when none is named (then the organisation's administrators receive the reports).",
  })
  name!: string | null;

  @Field(() => String, { nullable: true, description: "The named contact's e-mail address, or null." })
  email!: string | null;

  @Field(() => Int, {
    description:
      'How many people receive a report now: 1 with a named contact, else the number of active administrators.',
  })
  recipients!: number;
}

@InputType({ description: "Naming who receives the organisation's accessibility reports." })
export class SetAccessibilityContactInput {
  @Field(() => ID, { description: 'The organisation.' })
  @IsId('organisation')
  organisationId!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The e-mail address of an active person of the organisation; null or empty to name nobody (then the administrators receive the reports).',
  })
  @Transform(emptyToNull)
  @IsOptional()
  @Trim()
  @ValidateIf((_o, v) => v !== null && v !== undefined)
  @IsEmail({}, { message: 'Enter a valid e-mail address.' })
  @MaxLength(320, { message: 'Enter a valid e-mail address.' })
  email?: string | null;
}
