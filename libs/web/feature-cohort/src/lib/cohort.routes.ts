import type { Routes } from '@angular/router';
import { AttendancePage } from './attendance/attendance.page';
import { CohortOverviewPage } from './overview/cohort-overview.page';
import { MeetingsStep } from './setup/meetings.step';
import { OpenStep } from './setup/open.step';
import { ParticipantsStep } from './setup/participants.step';
import { RoundsStep } from './setup/rounds.step';
import { SettingsStep } from './setup/settings.step';
import { SetupShellPage } from './setup/setup-shell.page';
import { SetupStore } from './setup/setup.store';

export const cohortRoutes: Routes = [
  { path: '', pathMatch: 'full', component: CohortOverviewPage, title: 'cohort.title' },
  {
    path: 'setup',
    component: SetupShellPage,
    providers: [SetupStore],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'settings' },
      { path: 'settings', component: SettingsStep, title: 'setup.steps.title.settings' },
      { path: 'meetings', component: MeetingsStep, title: 'setup.steps.title.meetings' },
      { path: 'rounds', component: RoundsStep, title: 'setup.steps.title.rounds' },
      { path: 'participants', component: ParticipantsStep, title: 'setup.steps.title.participants' },
      { path: 'open', component: OpenStep, title: 'setup.steps.title.open' },
    ],
  },
  {
    path: 'meetings/:meetingId/attendance',
    component: AttendancePage,
    title: 'setup.attendance.title',
  },
];
