import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { RetentionRuleModel } from '../retention/retention.models';
import { ProcessingCategory } from './record-of-processing';

registerEnumType(ProcessingCategory, {
  name: 'ProcessingCategory',
  description: 'A category of personal data in the record of processing (art. 30).',
  valuesMap: {
    ACCOUNT: { description: 'Name, e-mail address, school, roles and certifications.' },
    SIGN_IN: {
      description: 'Sessions, mailed sign-in links, single sign-on identities, sign-in attempt counts.',
    },
    WORKING_MATERIAL: { description: 'Drafts, files only a draft holds, mail choices.' },
    COURSE_RECORDS: {
      description: "Cohort memberships, critical-friend tasks, allocations: the course's figures.",
    },
    PUBLISHED_WORK: { description: 'Published analyses, feedback, replies, leader notes and their files.' },
    ATTENDANCE: { description: 'Attendance at meetings.' },
    MAIL_LOG: { description: 'Mail sent: to whom, which kind, when, with its template data.' },
    PRIVACY_LOG: { description: 'Exports, erasures and retention runs, with counts but no content.' },
  },
});

@ObjectType('ProcessingEntry', { description: 'One line of the record of processing. Administrators only.' })
export class ProcessingEntryModel {
  @Field(() => ProcessingCategory, { description: 'The category of personal data.' })
  category!: ProcessingCategory;

  @Field(() => RetentionRuleModel, {
    nullable: true,
    description: "The retention schedule's line that decides how long it is kept; null for a fixed rule.",
  })
  retention!: RetentionRuleModel | null;

  @Field({
    description: 'True: erasure on request removes it; false: kept under a placeholder until retention.',
  })
  erasedOnRequest!: boolean;
}

@ObjectType('RecordOfProcessing', {
  description:
    "An organisation's record of processing (art. 30, ADR 0030), generated from the same configuration the retention job applies. Administrators of the organisation only.",
})
export class RecordOfProcessingModel {
  @Field(() => ID, { description: 'The organisation (the controller, personuppgiftsansvarig).' })
  organisationId!: string;

  @Field({ description: "The organisation's name." })
  organisationName!: string;

  @Field(() => Int, { description: 'Hours a sign-in lasts at most (SESSION_TTL_HOURS).' })
  sessionHours!: number;

  @Field(() => [ProcessingEntryModel], { description: 'The categories, in a fixed order.' })
  entries!: ProcessingEntryModel[];
}
