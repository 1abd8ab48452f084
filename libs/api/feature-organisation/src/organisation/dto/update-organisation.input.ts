import { Field, InputType } from '@nestjs/graphql';
import { IsName } from '../../common/validation';

@InputType()
export class UpdateOrganisationInput {
  @Field({ description: 'The organisation’s name, e.g. "Lärkby kommun". 1–200 characters, trimmed.' })
  @IsName('organisation name')
  name!: string;
}
