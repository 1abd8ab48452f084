import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

@ArgsType()
export class RoundArgs {
  @Field(() => ID)
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
