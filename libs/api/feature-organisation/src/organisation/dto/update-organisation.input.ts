import { Field, InputType } from '@nestjs/graphql';
import { IsName } from '../../common/validation';

@InputType({
  description: 'Changes to an organisation; fields left out stay as they are. Its administrators only.',
})
export class UpdateOrganisationInput {
  @Field({ description: 'The organisation’s name, e.g. "Lärkby kommun". 1–200 characters, trimmed.' })
  @IsName('organisation name')
  name!: string;
}
