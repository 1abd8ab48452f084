import { jest } from '@jest/globals';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { fireEvent, screen } from '@testing-library/angular';
import { GraphqlTesting } from '@stl/web/data-access/testing';
import { OpenStep } from './open.step';
import { cohort, renderStep, settle } from './testing/setup-fixtures';

const CONFLICT_SENTENCE = 'It already exists, or clashes with something that does.';

describe('OpenStep: deleting a draft (issue 19)', () => {
  afterEach(() => TestBed.inject(GraphqlTesting).verify());

  it('asks first, then deletes the draft in one call and goes back to the cohorts', async () => {
    const { api, fixture } = await renderStep(OpenStep, cohort());
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    fireEvent.click(screen.getByRole('button', { name: 'Delete STL 2027/28' }));
    await settle(fixture);
    const confirm = screen.getByRole('button', { name: 'Yes, delete STL 2027/28' });
    expect(document.activeElement).toBe(confirm);
    fireEvent.click(confirm);
    const call = api.expect('SetupDeleteCohort');
    expect(call.variables).toEqual({ id: 'c1' });
    call.answer({ deleteCohort: 'c1' });
    await settle(fixture);
    expect(navigate).toHaveBeenCalledWith(['/cohorts']);
  });

  it('keeps the page and says why when the API refuses', async () => {
    const { api, fixture } = await renderStep(OpenStep, cohort());
    fireEvent.click(screen.getByRole('button', { name: 'Delete STL 2027/28' }));
    await settle(fixture);
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete STL 2027/28' }));
    api.expect('SetupDeleteCohort').refuse('CONFLICT');
    await settle(fixture);
    api.expect('SetupCohort').answer({ cohort: cohort() });
    await settle(fixture);
    expect(screen.getByRole('alert').textContent?.trim()).toBe(CONFLICT_SENTENCE);
    expect(screen.getByRole('button', { name: 'Yes, delete STL 2027/28' })).toBeTruthy();
  });

  it('offers no deletion once the cohort is open', async () => {
    await renderStep(OpenStep, cohort({ status: 'OPEN', allowedTransitions: ['COMPLETED'] }));
    expect(screen.queryByRole('button', { name: /^Delete/ })).toBeNull();
  });
});
