import { Module } from '@nestjs/common';
import { CalendarFeedController } from './calendar-feed.controller';
import { CalendarFeedResolver } from './calendar-feed.resolver';
import { CalendarFeedThrottle } from './calendar-feed-throttle';
import { CalendarFeedService } from './calendar-feed.service';

/** A person's private iCal feed of their meetings and deadlines (issue 14, ADR 0034). */
@Module({
  providers: [CalendarFeedService, CalendarFeedThrottle, CalendarFeedResolver],
  controllers: [CalendarFeedController],
  exports: [CalendarFeedService],
})
export class CalendarFeatureModule {}
