import { SsoOptionModel } from '@stl/api/feature-auth';
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

  @Field(() => SsoOptionModel, {
    nullable: true,
    description:
      "The organisation's single sign-on, when it has it: the person may accept by signing in with it instead of choosing a password (null: choose a password).",
  })
  sso!: SsoOptionModel | null;
}
