import { Field, GraphQLISODateTime, ObjectType } from '@nestjs/graphql';
import { InvitationStatus } from '@stl/api/data-access-db';

@ObjectType('Invitation', {
  description: 'A person’s latest invitation (administrators of their organisation only).',
})
export class InvitationModel {
  @Field(() => InvitationStatus, { description: 'Pending, accepted, or expired unused.' })
  status!: InvitationStatus;

  @Field(() => GraphQLISODateTime, { description: 'When the latest invitation link was sent.' })
  sentAt!: Date;

  @Field(() => GraphQLISODateTime, {
    description: 'When the latest invitation link stops (or stopped) working.',
  })
  expiresAt!: Date;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the person accepted; null until then.',
  })
  acceptedAt!: Date | null;
}

@ObjectType('InvitationPreview', {
  description:
    'What the page for accepting an invitation shows before a password is chosen (anyone holding the link).',
})
export class InvitationPreviewModel {
  @Field({ description: 'The invited person’s first name, for the greeting.' })
  firstName!: string;

  @Field({ description: 'The organisation they are invited to.' })
  organisationName!: string;
}
