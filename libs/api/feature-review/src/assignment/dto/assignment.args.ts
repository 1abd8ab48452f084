import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';

@ArgsType()
export class MyReviewTasksArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'cohortId must be a valid id.' })
  cohortId?: string | null;

  @Field(() => ID, { nullable: true })
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
  @Field(() => ID)
  @IsUUID('all', { message: 'analysisId must be a valid id.' })
  analysisId!: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'reviewerId must be a valid id.' })
  reviewerId!: string;
}

@ArgsType()
export class AssignmentArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'assignmentId must be a valid id.' })
  assignmentId!: string;
}

@ArgsType()
export class SwapReviewerArgs extends AssignmentArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'newReviewerId must be a valid id.' })
  newReviewerId!: string;
}
