import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, SignedIn } from '@stl/api/feature-auth';
import type { Actor } from '@stl/api/feature-auth';
import { MailKind } from '@stl/mail/util-templates';
import { NotificationPreferencesModel } from './preference.models';
import { PreferenceService } from './preference.service';

@Resolver(() => NotificationPreferencesModel)
@SignedIn()
export class PreferenceResolver {
  constructor(private readonly preferences: PreferenceService) {}

  @Query(() => NotificationPreferencesModel, {
    description: 'Which e-mail I get, and whether as a daily digest.',
  })
  myNotificationPreferences(@CurrentActor() actor: Actor): Promise<NotificationPreferencesModel> {
    return this.preferences.read(actor.personId);
  }

  @Mutation(() => NotificationPreferencesModel, { description: 'Turns one kind of e-mail on or off for me.' })
  setNotificationPreference(
    @CurrentActor() actor: Actor,
    @Args('kind', { type: () => MailKind, description: 'The kind of mail.' }) kind: MailKind,
    @Args('enabled', { description: 'False to stop getting this kind by e-mail.' }) enabled: boolean,
  ): Promise<NotificationPreferencesModel> {
    return this.preferences.setKind(actor.personId, kind, enabled);
  }

  @Mutation(() => NotificationPreferencesModel, {
    description: 'One daily digest (true) or single mails (false); switching off sends what was waiting.',
  })
  setDigestMode(
    @CurrentActor() actor: Actor,
    @Args('daily', {
      description: 'True to gather notices into one daily digest; false to get each at once.',
    })
    daily: boolean,
  ): Promise<NotificationPreferencesModel> {
    return this.preferences.setDigestMode(actor.personId, daily);
  }
}
