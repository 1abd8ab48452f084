import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEnum, IsOptional } from 'class-validator';
import { CohortStatus } from '@stl/api/data-access-db';
import { IsId, PageArgs } from '@stl/api/util-graphql';

@ArgsType()
export class CohortsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Defaults to your own organisation.' })
  @IsOptional()
  @IsId('organisation')
  organisationId?: string | null;

  @Field(() => CohortStatus, {
    nullable: true,
    description: 'Only cohorts in this state; all when left out.',
  })
  @IsOptional()
  @IsEnum(CohortStatus, { message: 'The status must be PLANNING, OPEN, COMPLETED or ARCHIVED.' })
  status?: CohortStatus | null;
}
