import { ArgsType, Field, ID } from '@nestjs/graphql';
import { PageArgs } from '@stl/api/util-graphql';
import { IsId } from '../common/validation';

@ArgsType()
export class SchoolsArgs extends PageArgs {
  @Field(() => ID)
  @IsId('organisation')
  organisationId!: string;
}
