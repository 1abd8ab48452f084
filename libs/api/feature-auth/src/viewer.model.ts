import { Field, ObjectType } from '@nestjs/graphql';
import { OrganisationEntity, PersonEntity, RoleGrantEntity } from '@stl/api/data-access-db';

/** The signed-in person as they see themselves. */
@ObjectType('Viewer', {
  description: 'The signed-in person as they see themselves: only ever about the viewer.',
})
export class ViewerModel {
  @Field(() => PersonEntity, { description: 'The signed-in person.' })
  person!: PersonEntity;

  @Field({ description: "The signed-in person's e-mail address (their sign-in name)." })
  email!: string;

  @Field(() => OrganisationEntity, {
    nullable: true,
    description: "The person's organisation; null for a platform operator, who belongs to none.",
  })
  organisation!: OrganisationEntity | null;

  @Field(() => [RoleGrantEntity], { description: 'The organisation roles the signed-in person holds.' })
  roles!: RoleGrantEntity[];

  @Field({
    description:
      'Whether this person is a platform operator (ADR 0015): manages organisations, sees no course content.',
  })
  platformOperator!: boolean;
}
