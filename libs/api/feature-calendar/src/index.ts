export { CalendarFeatureModule } from './calendar-feature.module';
export { CalendarFeedService } from './calendar-feed.service';
export { CALENDAR_FEED_PATH, calendarTokenHash } from './calendar-feed-token';
export { FEED_FETCH_LIMIT, FEED_MISS_LIMIT } from './calendar-feed-throttle';
