import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';

@ArgsType()
export class MyReviewTasksArgs {
  @Field(() => ID, { nullable: true, description: 'Only tasks of this cohort.' })
  @IsOptional()
  @IsUUID('all', { message: 'cohortId must be a valid id.' })
  cohortId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only tasks of this round.' })
  @IsOptional()
  @IsUUID('all', { message: 'roundId must be a valid id.' })
  roundId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only done tasks; false: only open ones.' })
  @IsOptional()
  @IsBoolean()
  done?: boolean | null;
}

@ArgsType()
export class AddReviewerArgs {
  @Field(() => ID, { description: 'The analysis to add a reviewer to.' })
  @IsUUID('all', { message: 'analysisId must be a valid id.' })
  analysisId!: string;

  @Field(() => ID, {
    description: 'The person to add as reviewer: a participant or course leader of the cohort.',
  })
  @IsUUID('all', { message: 'reviewerId must be a valid id.' })
  reviewerId!: string;
}

@ArgsType()
export class AssignmentArgs {
  @Field(() => ID, { description: 'The review assignment.' })
  @IsUUID('all', { message: 'assignmentId must be a valid id.' })
  assignmentId!: string;
}

@ArgsType()
export class SwapReviewerArgs extends AssignmentArgs {
  @Field(() => ID, { description: 'The person who takes the assignment over.' })
  @IsUUID('all', { message: 'newReviewerId must be a valid id.' })
  newReviewerId!: string;
}
