import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Session', {
  description:
    'One place where the signed-in person is signed in (a browser on a device). Only the person themselves sees their sessions; never anyone else, administrators included. The sign-in token is never shown.',
})
export class SessionModel {
  @Field(() => ID, {
    description:
      'Identifies the session to end it with endMySession. Not the sign-in token, and useless without one.',
  })
  id!: string;

  @Field(() => GraphQLISODateTime, { description: 'When the person signed in there.' })
  createdAt!: Date;

  @Field(() => GraphQLISODateTime, { description: 'When the session was last used, to the minute.' })
  lastSeenAt!: Date;

  @Field(() => GraphQLISODateTime, {
    description:
      'When the session ends unless it is used again before (the idle timeout, SESSION_IDLE_MINUTES); never later than endsAt.',
  })
  expiresAt!: Date;

  @Field(() => GraphQLISODateTime, {
    description: 'When the session ends however much it is used (the absolute lifetime, SESSION_TTL_HOURS).',
  })
  endsAt!: Date;

  @Field(() => String, {
    nullable: true,
    description:
      'The browser, from its User-Agent header, without version (e.g. "Firefox"); null when unknown.',
  })
  browser!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The operating system, from the User-Agent header (e.g. "Windows", "iOS"); null when unknown.',
  })
  operatingSystem!: string | null;

  @Field({ description: 'True for the session this request came with ("this device").' })
  current!: boolean;
}
