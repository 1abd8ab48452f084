import type { Routes } from '@angular/router';
import { NotificationSettingsPage } from './notifications/notification-settings.page';

/** Personal settings (`/settings`): which e-mail I get. */
export const settingsRoutes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'notifications' },
  { path: 'notifications', component: NotificationSettingsPage, title: 'notifications.title' },
];
