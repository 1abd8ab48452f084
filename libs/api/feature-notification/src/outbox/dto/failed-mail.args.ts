import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { PageArgs } from '@stl/api/util-graphql';

@ArgsType()
export class FailedMailArgs extends PageArgs {
  @Field(() => ID, { description: 'The organisation whose mail to list; its administrators only.' })
  @IsUUID()
  organisationId!: string;
}
