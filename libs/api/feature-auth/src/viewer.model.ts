import { Field, ObjectType } from '@nestjs/graphql';
import { OrganisationEntity, PersonEntity, RoleGrantEntity } from '@stl/api/data-access-db';

/** The signed-in person as they see themselves. */
@ObjectType('Viewer')
export class ViewerModel {
  @Field(() => PersonEntity)
  person!: PersonEntity;

  @Field()
  email!: string;

  @Field(() => OrganisationEntity, {
    nullable: true,
    description: "The person's organisation; null for a platform operator, who belongs to none.",
  })
  organisation!: OrganisationEntity | null;

  @Field(() => [RoleGrantEntity])
  roles!: RoleGrantEntity[];

  @Field({
    description:
      'Whether this person is a platform operator (ADR 0015): manages organisations, sees no course content.',
  })
  platformOperator!: boolean;
}
