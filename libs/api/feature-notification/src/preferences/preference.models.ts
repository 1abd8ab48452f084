import { Field, ObjectType } from '@nestjs/graphql';
import { MailKind } from '@stl/mail/util-templates';

@ObjectType('NotificationKindPreference')
export class NotificationKindPreferenceModel {
  @Field(() => MailKind)
  kind!: MailKind;

  @Field()
  enabled!: boolean;

  @Field({ description: 'Whether this kind goes into the daily digest when digest mode is on.' })
  digestible!: boolean;
}

@ObjectType('NotificationPreferences', { description: "The signed-in person's e-mail choices." })
export class NotificationPreferencesModel {
  @Field({ description: 'One daily digest instead of single mails (for the digestible kinds).' })
  digestDaily!: boolean;

  @Field(() => [NotificationKindPreferenceModel])
  kinds!: NotificationKindPreferenceModel[];
}
