import { Field, ObjectType } from '@nestjs/graphql';
import { MailKind } from '@stl/mail/util-templates';

@ObjectType('NotificationKindPreference', {
  description: 'Whether the person gets one kind of notice by e-mail. Only the person sees and changes it.',
})
export class NotificationKindPreferenceModel {
  @Field(() => MailKind, { description: 'The kind of mail.' })
  kind!: MailKind;

  @Field({ description: 'False when the person turned this kind off.' })
  enabled!: boolean;

  @Field({ description: 'Whether this kind goes into the daily digest when digest mode is on.' })
  digestible!: boolean;
}

@ObjectType('NotificationPreferences', { description: "The signed-in person's e-mail choices." })
export class NotificationPreferencesModel {
  @Field({ description: 'One daily digest instead of single mails (for the digestible kinds).' })
  digestDaily!: boolean;

  @Field(() => [NotificationKindPreferenceModel], {
    description: 'One entry per kind the person may turn off.',
  })
  kinds!: NotificationKindPreferenceModel[];
}
