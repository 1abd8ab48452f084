import { Field, GraphQLISODateTime, ObjectType } from '@nestjs/graphql';

@ObjectType('CalendarFeed', {
  description:
    "The signed-in person's private calendar feed (iCal): whether they have one and when it was made and last fetched. Never the URL, which is shown once when made. Only the person themselves.",
})
export class CalendarFeedModel {
  @Field({ description: 'Whether the person has a calendar URL that works.' })
  active!: boolean;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the current URL was made (UTC); null without one.',
  })
  createdAt!: Date | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When a calendar last fetched the current URL (UTC); null if never.',
  })
  lastUsedAt!: Date | null;
}

@ObjectType('CalendarFeedLink', {
  description:
    'A newly made private calendar URL, shown this once (only its hash is stored). Only the person themselves.',
})
export class CalendarFeedLinkModel {
  @Field({
    description:
      'The iCal URL to subscribe to in Outlook, Google Calendar or Apple Calendar. Secret: anyone with it sees your meetings and deadlines.',
  })
  url!: string;

  @Field(() => GraphQLISODateTime, { description: 'When it was made (UTC).' })
  createdAt!: Date;
}
