import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';

@ObjectType('CompletionCertificate', {
  description:
    "A certificate of completion (kursintyg) of a cohort (ADR 0032). Visible to its holder and to the cohort's course leaders and the organisation's administrators.",
})
export class CompletionCertificateModel {
  @Field(() => ID, { description: 'The certificate; the PDF is at /export/certificates/<id>.pdf.' })
  id!: string;

  @Field({ description: 'The code printed on the certificate, in groups of four (e.g. "ABCD-EFGH-JKMN").' })
  code!: string;

  @Field(() => ID, { description: 'The holder.' })
  personId!: string;

  @Field({ description: "The holder's name as the viewer may see it." })
  personName!: string;

  @Field(() => ID, { description: 'The cohort completed.' })
  cohortId!: string;

  @Field({ description: "The cohort's name." })
  cohortName!: string;

  @Field({ description: 'The school year, e.g. "2026/27".' })
  schoolYear!: string;

  @Field({ description: 'The organisation (huvudman) that ran the cohort.' })
  organisationName!: string;

  @Field(() => GraphQLISODateTime, { description: 'When it was issued (UTC).' })
  issuedAt!: Date;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When it was revoked (UTC); null while valid. A revoked code answers "not valid".',
  })
  revokedAt!: Date | null;

  @Field(() => Int, { description: 'Meetings attended, as counted when it was issued.' })
  meetingsAttended!: number;

  @Field(() => Int, { description: 'Meetings the cohort planned, as counted when it was issued.' })
  meetingsPlanned!: number;

  @Field(() => Int, {
    description: 'Published analyses with leader and peer feedback, as counted when it was issued.',
  })
  analysesCompleted!: number;
}

@ObjectType('CohortCertificateRow', {
  description:
    "One current participant of a cohort, whether they completed it and their certificate. The cohort's course leaders and the organisation's administrators only.",
})
export class CohortCertificateRowModel {
  @Field(() => ID, { description: 'The participant.' })
  personId!: string;

  @Field({ description: "The participant's name as the viewer may see it." })
  name!: string;

  @Field({ description: 'Whether they completed the cohort by the completion rule (product rule 6).' })
  completed!: boolean;

  @Field(() => CompletionCertificateModel, {
    nullable: true,
    description: 'Their valid certificate, else their latest revoked one; null when none was issued.',
  })
  certificate!: CompletionCertificateModel | null;
}

@ObjectType('CertificateVerification', {
  description:
    'The public check of a certificate code: anyone, without signing in. Only whether it is valid and, if so, the name, course, school year and organisation.',
})
export class CertificateVerificationModel {
  @Field({ description: 'True for a real certificate that has not been revoked; false for anything else.' })
  valid!: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      "The holder's name (a person with protected identity: their pseudonym); null when not valid.",
  })
  name!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The course (the cohort's name); null when not valid.",
  })
  course!: string | null;

  @Field(() => String, { nullable: true, description: 'The school year; null when not valid.' })
  schoolYear!: string | null;

  @Field(() => String, { nullable: true, description: 'The organisation (huvudman); null when not valid.' })
  organisation!: string | null;
}

@InputType({ description: 'Which certificates to issue.' })
export class IssueCertificatesInput {
  @Field(() => ID, { description: 'The cohort; it must be COMPLETED.' })
  @IsUUID('all')
  cohortId!: string;

  @Field(() => [ID], {
    nullable: true,
    description:
      'Only these participants (e.g. again after a revocation); each must have completed and hold no valid certificate. Left out: everyone who completed and has no certificate yet.',
  })
  @IsOptional()
  @IsUUID('all', { each: true })
  personIds?: string[] | null;
}
