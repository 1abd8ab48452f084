import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { RetentionRuleModel } from '../retention/retention.models';
import { ProcessingCategory } from './record-of-processing';

registerEnumType(ProcessingCategory, {
  name: 'ProcessingCategory',
  description: 'A category of personal data in the record of processing (art. 30).',
  valuesMap: {
    ACCOUNT: {
      description:
        'Name, e-mail address, school, roles and certifications; who receives accessibility reports.',
    },
    SIGN_IN: {
      description:
        'Sessions, mailed sign-in links, single sign-on identities, sign-in attempt counts, the private calendar URL (as a hash).',
    },
    WORKING_MATERIAL: {
      description:
        "Drafts and their history, files only a draft holds, mail choices, the portfolio's closing reflection, the next steps chosen to try.",
    },
    COURSE_RECORDS: {
      description:
        "Cohort memberships, critical-friend tasks, allocations, certificates of completion: the course's figures.",
    },
    PUBLISHED_WORK: {
      description:
        'Published analyses, feedback, replies, leader notes, comments on passages, consent to show feedback as an example, and their files.',
    },
    ATTENDANCE: { description: 'Attendance at meetings.' },
    MAIL_LOG: { description: 'Mail sent: to whom, which kind, when, with its template data.' },
    SELF_ASSESSMENT: {
      description: 'Answers to the self-assessment before and after the course; shown only as group means.',
    },
    AUDIT_LOG: {
      description:
        "The audit log: sign-ins, refusals, role, certification and sign-in setting changes, exports, erasures, reads of others' analyses; never content.",
    },
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
