import type { Type } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { GraphqlTesting, provideGraphqlTesting } from '@stl/web/data-access/testing';
import type { SetupCohort, SetupMeeting } from '@stl/web/data-access';
import { provideI18nTesting } from '@stl/web/util-i18n/testing';
import { SetupStore } from '../setup.store';

/** A meeting of the cohort on this date, 13.00–16.00 Stockholm time (summer time). */
export function meeting(n: number, date: string, title = `Träff ${n}`): SetupMeeting {
  return {
    id: `m${n}`,
    number: n,
    title,
    theme: null,
    startsAt: `${date}T11:00:00.000Z`,
    endsAt: `${date}T14:00:00.000Z`,
    mode: 'PHYSICAL',
    location: 'Aulan',
    videoUrl: null,
    preparation: '',
    discussionQuestions: [],
  };
}

/** A cohort being planned, as the setup query returns it. */
export function cohort(parts: Partial<SetupCohort> = {}): SetupCohort {
  return {
    id: 'c1',
    name: 'STL 2027/28',
    status: 'PLANNING',
    schoolYear: '2027/28',
    startsOn: '2027-08-15',
    endsOn: '2028-06-10',
    organisationId: 'o1',
    viewerRole: 'LEADER',
    viewerCanManage: true,
    allowedTransitions: ['OPEN'],
    requiredFeedbackQualities: [],
    leaders: [],
    meetings: [],
    rounds: [],
    openingProblems: null,
    ...parts,
  };
}

/**
 * A setup step as the setup shell shows it: created once the cohort has loaded (so by TestBed
 * rather than render()), with the GraphQL requests answered by the spec.
 */
export async function renderStep<T>(
  step: Type<T>,
  loaded: SetupCohort,
): Promise<{ api: GraphqlTesting; fixture: ComponentFixture<T> }> {
  TestBed.configureTestingModule({
    providers: [SetupStore, provideGraphqlTesting(), provideI18nTesting(), provideRouter([])],
  });
  const api = TestBed.inject(GraphqlTesting);
  const load = TestBed.inject(SetupStore).load(loaded.id);
  api.expect('SetupCohort').answer({ cohort: loaded });
  await load;
  const fixture = TestBed.createComponent(step);
  fixture.autoDetectChanges();
  // Not whenStable(): a step may be waiting for requests the spec has yet to answer.
  TestBed.tick();
  return { api, fixture };
}

/** Lets the awaited API answers run on, then the view catch up. */
export async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
}
