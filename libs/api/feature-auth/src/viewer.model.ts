import { Field, ObjectType } from '@nestjs/graphql';
import { OrganisationEntity, PersonEntity, RoleGrantEntity } from '@stl/api/data-access-db';

/** The signed-in person as they see themselves. */
@ObjectType('Viewer')
export class ViewerModel {
  @Field(() => PersonEntity)
  person!: PersonEntity;

  @Field()
  email!: string;

  @Field(() => OrganisationEntity)
  organisation!: OrganisationEntity;

  @Field(() => [RoleGrantEntity])
  roles!: RoleGrantEntity[];
}
