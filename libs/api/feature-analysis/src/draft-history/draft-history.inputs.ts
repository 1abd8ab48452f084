import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { PageArgs } from '@stl/api/util-graphql';

@ArgsType()
export class DraftHistoryArgs extends PageArgs {
  @Field(() => ID, { description: 'One of my analyses; anyone else’s is NOT_FOUND.' })
  @IsUUID('all', { message: 'analysisId must be a valid id.' })
  analysisId!: string;
}
