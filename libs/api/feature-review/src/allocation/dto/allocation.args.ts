import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsId } from '@stl/api/util-graphql';

@ArgsType()
export class RoundArgs {
  @Field(() => ID, { description: 'The round.' })
  @IsUUID('all', { message: 'roundId must be a valid id.' })
  roundId!: string;
}

@ArgsType()
export class AllocationArgs extends RoundArgs {
  @Field(() => String, {
    nullable: true,
    description:
      'Same input and seed give the same allocation; another seed picks among equally good ones. Defaults to the seed last applied, else the round id.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(/^[\w.:-]+$/, { message: 'seed may contain letters, digits and . _ : - only.' })
  seed?: string | null;
}

export const MAX_ALLOCATION_OVERRIDES = 500;

@InputType({
  description:
    'Course leaders: one critical-friend pair chosen by hand when applying an allocation (e.g. a change made on the preview). It is kept as it is (source MANUAL) and the rest of the round is allocated around it.',
})
export class AllocationOverrideInput {
  @Field(() => ID, { description: 'A published analysis of the round, by an active participant.' })
  @IsId('analysis')
  analysisId!: string;

  @Field(() => ID, {
    description:
      'The critical friend chosen for this analysis: an active participant of the cohort, not its author, not already on it.',
  })
  @IsId('reviewer')
  reviewerId!: string;

  @Field(() => ID, {
    nullable: true,
    description:
      "The reviewer the preview (same seed) proposed for this pair and this override replaces. Given, the analysis's other previewed reviewers stay as previewed and the replaced one is not allocated to it again. Omitted, the pair is added and the analysis's other reviewers are allocated around it.",
  })
  @IsOptional()
  @IsId('replaced reviewer')
  replacesReviewerId?: string | null;
}

@ArgsType()
export class ApplyAllocationArgs extends AllocationArgs {
  @Field(() => [AllocationOverrideInput], {
    nullable: true,
    description:
      'Pairs the course leader chose by hand, applied in the same request and transaction: validated together (nothing is written if one is refused; problems name `overrides.<index>.<field>`), kept as set, and only the final pairs get a "review assigned" mail.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ALLOCATION_OVERRIDES)
  @ValidateNested({ each: true })
  @Type(() => AllocationOverrideInput)
  overrides?: AllocationOverrideInput[] | null;
}
