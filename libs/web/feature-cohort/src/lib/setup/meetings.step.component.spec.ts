import { TestBed } from '@angular/core/testing';
import { fireEvent, screen } from '@testing-library/angular';
import { GraphqlTesting } from '@stl/web/data-access/testing';
import type { SetupMeeting } from '@stl/web/data-access';
import { MeetingsStep } from './meetings.step';
import { cohort, meeting, renderStep, settle } from './testing/setup-fixtures';

/** The step, with the organisation's school holidays answered (the defaults: none of its own). */
const setup = async (meetings: SetupMeeting[]) => {
  const step = await renderStep(MeetingsStep, cohort({ meetings }));
  step.api.expect('SchoolHolidays').answer({
    schoolHolidays: { organisationId: 'o1', schoolYear: '2027/28', isDefault: true, holidays: [] },
  });
  return step;
};

const field = (name: string) => screen.getByLabelText(name) as HTMLInputElement;

describe('MeetingsStep', () => {
  afterEach(() => TestBed.inject(GraphqlTesting).verify());

  it('offers the meeting four weeks after the last one, at the same time and place', async () => {
    await setup([meeting(1, '2027-09-08')]);
    expect(screen.getAllByTestId('setup-meeting')).toHaveLength(1);
    expect(field('Date').value).toBe('2027-10-06');
    expect(field('Starts at').value).toBe('13:00');
    expect(field('Place').value).toBe('Aulan');
    expect(field('Title').value).toBe('');
  });

  it('says what is missing beside the field, keeps what was typed, and sends nothing', async () => {
    const { fixture } = await setup([]);
    fireEvent.input(field('Date'), { target: { value: '2027-09-08' } });
    fireEvent.input(field('Place'), { target: { value: 'Tallåsens skola' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add the meeting' }));
    await settle(fixture);

    expect(field('Title').getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('meeting-title-error')?.textContent).toBe('Fill in this field.');
    expect(document.activeElement).toBe(screen.getByRole('alert'));
    expect(field('Place').value).toBe('Tallåsens skola');
  });

  it('adds a meeting, then offers the next one', async () => {
    const { api, fixture } = await setup([meeting(1, '2027-09-08')]);
    fireEvent.input(field('Title'), { target: { value: 'Skriva i par' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add the meeting' }));

    const create = api.expect('SetupCreateMeeting');
    expect(create.variables).toMatchObject({
      cohortId: 'c1',
      input: {
        title: 'Skriva i par',
        startsAt: '2027-10-06T11:00:00.000Z',
        mode: 'PHYSICAL',
        location: 'Aulan',
      },
    });
    create.answer({ createMeeting: meeting(2, '2027-10-06') });
    await settle(fixture);
    api
      .expect('SetupCohort')
      .answer({ cohort: cohort({ meetings: [meeting(1, '2027-09-08'), meeting(2, '2027-10-06')] }) });
    await settle(fixture);

    expect(screen.getByRole('status').textContent).toContain('The meeting is added.');
    expect(screen.getAllByTestId('setup-meeting')).toHaveLength(2);
    expect(field('Title').value).toBe('');
    // Four weeks after 6 October is 3 November, in höstlov (week 44): the week after is offered.
    expect(field('Date').value).toBe('2027-11-10');
  });

  it('edits a meeting chosen in the list; deleting it returns the form to adding', async () => {
    const { api, fixture } = await setup([meeting(1, '2027-09-08'), meeting(2, '2027-10-06')]);
    fireEvent.click(screen.getByRole('button', { name: 'Edit meeting 1' }));
    await settle(fixture);
    expect(field('Title').value).toBe('Träff 1');
    expect(field('Date').value).toBe('2027-09-08');
    expect(screen.getByRole('button', { name: 'Save the changes' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Delete meeting 1' }));
    await settle(fixture);
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete “Träff 1”' }));
    const remove = api.expect('SetupDeleteMeeting');
    expect(remove.variables).toEqual({ id: 'm1' });
    remove.answer({ deleteMeeting: true });
    await settle(fixture);
    api.expect('SetupCohort').answer({ cohort: cohort({ meetings: [meeting(2, '2027-10-06')] }) });
    await settle(fixture);

    expect(screen.getByRole('button', { name: 'Add the meeting' })).toBeTruthy();
    expect(field('Title').value).toBe('');
  });

  it('shows the API’s refusal beside the field it is about', async () => {
    const { api, fixture } = await setup([meeting(1, '2027-09-08')]);
    fireEvent.input(field('Title'), { target: { value: 'Sent' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add the meeting' }));
    api
      .expect('SetupCreateMeeting')
      .refuse('SCHEDULE_INVALID', [{ field: 'startsAt', code: 'MEETING_OUTSIDE_PERIOD' }]);
    await settle(fixture);

    expect(field('Starts at').getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('meeting-start-error')?.textContent).toBe(
      'Some meetings fall outside the new dates. Move them first.',
    );
    expect(field('Title').value).toBe('Sent');
  });
});
