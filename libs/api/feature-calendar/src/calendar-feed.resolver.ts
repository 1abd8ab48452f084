import { Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, SignedIn } from '@stl/api/feature-auth';
import type { Actor } from '@stl/api/feature-auth';
import { CalendarFeedLinkModel, CalendarFeedModel } from './calendar-feed.models';
import { CalendarFeedService } from './calendar-feed.service';

@Resolver(() => CalendarFeedModel)
@SignedIn()
export class CalendarFeedResolver {
  constructor(private readonly feeds: CalendarFeedService) {}

  @Query(() => CalendarFeedModel, {
    description:
      "The signed-in person's own calendar feed: whether it is on and when it was made and last fetched (never the URL). Anyone signed in to an organisation, for themselves only.",
  })
  myCalendarFeed(@CurrentActor() actor: Actor): Promise<CalendarFeedModel> {
    return this.feeds.status(actor);
  }

  @Mutation(() => CalendarFeedLinkModel, {
    description:
      'Makes a new private calendar URL for the signed-in person and returns it this once; any earlier URL stops working (404). Logged in the audit log. Anyone signed in to an organisation, for themselves only.',
  })
  renewCalendarFeed(@CurrentActor() actor: Actor): Promise<CalendarFeedLinkModel> {
    return this.feeds.renew(actor);
  }

  @Mutation(() => CalendarFeedModel, {
    description:
      "Turns the signed-in person's calendar URL off: calendars subscribed to it get 404 from now on. Logged in the audit log. Anyone signed in to an organisation, for themselves only.",
  })
  turnOffCalendarFeed(@CurrentActor() actor: Actor): Promise<CalendarFeedModel> {
    return this.feeds.turnOff(actor);
  }
}
