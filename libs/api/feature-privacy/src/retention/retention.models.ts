import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsArray, IsEnum, IsInt, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { RetentionRecordKind } from '@stl/api/data-access-db';
import { RetentionCountsFrom } from './record-kinds';

registerEnumType(RetentionRecordKind, {
  name: 'RetentionRecordKind',
  description: 'A kind of record the retention schedule (gallringsplan) covers.',
  valuesMap: {
    PUBLISHED_WORK: {
      description:
        'Published analyses (every version), feedback, replies and leader notes, with their attachments.',
    },
    ATTENDANCE: { description: "Attendance recorded at a cohort's meetings." },
    MAIL_LOG: { description: 'The mail log: who was sent which mail when, with its template data.' },
  },
});
registerEnumType(RetentionCountsFrom, {
  name: 'RetentionCountsFrom',
  description: 'What a retention period counts from.',
  valuesMap: {
    COHORT_ARCHIVED: { description: "The day the record's cohort was archived." },
    MAIL_SENT: { description: 'The day the mail was sent, or given up.' },
  },
});

@ObjectType('RetentionRule', {
  description: 'One line of the retention schedule. Administrators of the organisation only.',
})
export class RetentionRuleModel {
  @Field(() => RetentionRecordKind, { description: 'The kind of record.' })
  kind!: RetentionRecordKind;

  @Field(() => Int, {
    nullable: true,
    description: 'Erased this many months after `countsFrom`; null: kept until the organisation decides.',
  })
  months!: number | null;

  @Field(() => RetentionCountsFrom, { description: 'What the period counts from.' })
  countsFrom!: RetentionCountsFrom;

  @Field(() => Int, { description: 'The shortest period that may be set, in months.' })
  minMonths!: number;

  @Field(() => Int, { description: 'The longest period that may be set, in months.' })
  maxMonths!: number;
}

@ObjectType('RetentionSchedule', {
  description:
    "An organisation's retention schedule (gallringsplan, ADR 0030): per kind of record, how long it is kept. Read and set by the organisation's administrators; applied nightly by the retention job.",
})
export class RetentionScheduleModel {
  @Field(() => ID, { description: 'The organisation.' })
  organisationId!: string;

  @Field(() => [RetentionRuleModel], { description: 'One line per kind of record, in a fixed order.' })
  rules!: RetentionRuleModel[];
}

@InputType('RetentionRuleInput', { description: 'One line of the retention schedule being set.' })
export class RetentionRuleInput {
  @Field(() => RetentionRecordKind, { description: 'The kind of record.' })
  @IsEnum(RetentionRecordKind)
  kind!: RetentionRecordKind;

  @Field(() => Int, {
    nullable: true,
    description:
      'Months after `countsFrom` (within the kind’s minimum and maximum); null: kept until decided.',
  })
  @IsOptional()
  @IsInt()
  months!: number | null;
}

@InputType('SetRetentionScheduleInput', {
  description: "Sets lines of an organisation's retention schedule. Administrators of the organisation only.",
})
export class SetRetentionScheduleInput {
  @Field(() => ID, { description: 'The organisation; the caller must be one of its administrators.' })
  @IsUUID('all', { message: 'Not an organisation id.' })
  organisationId!: string;

  @Field(() => [RetentionRuleInput], { description: 'The lines to set; kinds left out keep what they had.' })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => RetentionRuleInput)
  rules!: RetentionRuleInput[];
}
