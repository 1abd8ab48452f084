import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, IsUUID } from 'class-validator';
import { PageArgs } from '@stl/api/util-graphql';
import { ProgressFilter } from '../progress.models';

@ArgsType()
export class CohortProgressArgs extends PageArgs {
  @Field(() => ID, { description: 'The cohort.' })
  @IsUUID('all', { message: 'cohortId must be a valid id.' })
  cohortId!: string;

  @Field(() => ID, { nullable: true, description: 'Only participants enrolled from this school.' })
  @IsOptional()
  @IsUUID('all', { message: 'schoolId must be a valid id.' })
  schoolId?: string | null;

  @Field(() => ProgressFilter, {
    nullable: true,
    description: 'Only participants in this state; all when left out.',
  })
  @IsOptional()
  @IsEnum(ProgressFilter)
  status?: ProgressFilter | null;

  @Field(() => Boolean, { defaultValue: false, description: 'Also participants who left the cohort.' })
  @IsBoolean()
  includeWithdrawn = false;
}

@ArgsType()
export class MyProgressArgs {
  @Field(() => ID, { description: 'The cohort.' })
  @IsUUID('all', { message: 'cohortId must be a valid id.' })
  cohortId!: string;
}
