import type { Routes } from '@angular/router';
import { NotificationSettingsPage } from './notifications/notification-settings.page';

/** Personal settings (`/settings`): which e-mail I get; my password; where I am signed in; my data. */
export const settingsRoutes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'notifications' },
  { path: 'notifications', component: NotificationSettingsPage, title: 'notifications.title' },
  // Passwords (ADR 0010)
  // Lazy, so the list of common passwords loads only with this page.
  {
    path: 'password',
    loadComponent: () => import('./password/change-password.page').then((m) => m.ChangePasswordPage),
    title: 'password.title',
  },
  // My sessions: where I am signed in, and signing out other devices.
  {
    path: 'sessions',
    loadComponent: () => import('./sessions/sessions.page').then((m) => m.SessionsPage),
    title: 'sessions.title',
  },
  // My data: the access export (ADR 0030).
  {
    path: 'data',
    loadComponent: () => import('./data/my-data.page').then((m) => m.MyDataPage),
    title: 'privacy.settings.title',
  },
  // My calendar link: meetings and deadlines in Outlook or Google Calendar (issue 14, ADR 0034).
  {
    path: 'calendar',
    loadComponent: () => import('./calendar/calendar-feed.page').then((m) => m.CalendarFeedPage),
    title: 'calendarFeed.title',
  },
];
