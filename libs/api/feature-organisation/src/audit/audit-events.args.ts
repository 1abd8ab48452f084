import { ArgsType, Field, GraphQLISODateTime, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsEnum, IsOptional, ValidateNested } from 'class-validator';
import { AuditEventKind, AuditOutcome } from '@stl/api/data-access-db';
import { PageArgs } from '@stl/api/util-graphql';
import { IsId } from '../common/validation';

/** What an administrator searches the audit log for; every part optional, all parts together. */
@InputType({ description: "A search of an organisation's audit log; the parts given must all hold." })
export class AuditEventsFilterInput {
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'From this instant (inclusive).' })
  @IsOptional()
  @IsDate({ message: 'From must be a date and time.' })
  from?: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Before this instant (exclusive).' })
  @IsOptional()
  @IsDate({ message: 'To must be a date and time.' })
  to?: Date | null;

  @Field(() => AuditEventKind, { nullable: true, description: 'Only events of this kind.' })
  @IsOptional()
  @IsEnum(AuditEventKind, { message: 'That is not a known kind of event.' })
  kind?: AuditEventKind | null;

  @Field(() => ID, { nullable: true, description: 'Only events done by this person.' })
  @IsOptional()
  @IsId('person')
  actorId?: string | null;

  @Field(() => AuditOutcome, { nullable: true, description: 'Only events with this outcome.' })
  @IsOptional()
  @IsEnum(AuditOutcome, { message: 'That is not a known outcome.' })
  outcome?: AuditOutcome | null;
}

@ArgsType()
export class AuditEventsArgs extends PageArgs {
  @Field(() => ID, { description: 'The organisation whose log to search: your own, as its administrator.' })
  @IsId('organisation')
  organisationId!: string;

  @Field(() => AuditEventsFilterInput, {
    nullable: true,
    description: 'What to search for; none: everything.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => AuditEventsFilterInput)
  filter?: AuditEventsFilterInput | null;
}
