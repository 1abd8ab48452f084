import { ArgsType, Field, ID } from '@nestjs/graphql';
import { PageArgs } from '@stl/api/util-graphql';
import { IsId } from '../common/validation';

@ArgsType()
export class SchoolsArgs extends PageArgs {
  @Field(() => ID, { description: 'The organisation whose schools to list.' })
  @IsId('organisation')
  organisationId!: string;
}
