import { TestBed } from '@angular/core/testing';
import { fireEvent, screen, within } from '@testing-library/angular';
import { GraphqlTesting } from '@stl/web/data-access/testing';
import type { GraphqlCall } from '@stl/web/data-access/testing';
import type { SetupParticipant, SetupTeacher } from '@stl/web/data-access';
import { ParticipantsStep } from './participants.step';
import { cohort, renderStep, settle } from './testing/setup-fixtures';

const TALLASEN = { id: 's1', name: 'Tallåsens skola' };
const SOLVIK = { id: 's2', name: 'Solviksskolan' };
const TEACHERS: SetupTeacher[] = [
  { id: 'p1', fullName: 'Ulf Sandberg', email: 'ulf@larkby.se', school: TALLASEN },
  { id: 'p2', fullName: 'Amina Yusuf', email: 'amina@larkby.se', school: TALLASEN },
  { id: 'p3', fullName: 'Klara Dahl', email: 'klara@larkby.se', school: TALLASEN },
  { id: 'p4', fullName: 'Ebba Forsberg', email: 'ebba@larkby.se', school: SOLVIK },
];

function participant(t: SetupTeacher): SetupParticipant {
  return {
    personId: t.id,
    schoolId: t.school?.id ?? null,
    wantsSameSchool: false,
    leftAt: null,
    person: { id: t.id, fullName: t.fullName, email: t.email, school: t.school },
  };
}

const page = <N>(nodes: N[]) => ({ pageInfo: { endCursor: null, hasNextPage: false }, nodes });
const answerParticipants = (call: GraphqlCall, list: SetupParticipant[]) =>
  call.answer({ cohort: { id: 'c1', participants: { totalCount: list.length, ...page(list) } } });

async function setup(enrolled: SetupParticipant[] = []) {
  const step = await renderStep(ParticipantsStep, cohort());
  answerParticipants(step.api.expect('SetupParticipants'), enrolled);
  step.api.expect('SetupTeachers').answer({ people: page(TEACHERS) });
  step.api.expect('SetupSchools').answer({ schools: { nodes: [TALLASEN, SOLVIK] } });
  await settle(step.fixture);
  return step;
}

describe('ParticipantsStep', () => {
  afterEach(() => TestBed.inject(GraphqlTesting).verify());

  it('enrols the teachers ticked, from a school, in one call', async () => {
    const { api, fixture } = await setup();
    expect(screen.getByRole('heading', { name: 'Participants (0)' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('School'), { target: { value: 's1' } });
    await settle(fixture);
    expect(screen.getByText('Teachers not enrolled (3)')).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: /^Ulf Sandberg/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /^Amina Yusuf/ }));
    await settle(fixture);
    fireEvent.click(screen.getByRole('button', { name: 'Enrol chosen (2)' }));

    const enrol = api.expect('SetupEnrol');
    expect(enrol.variables).toEqual({ cohortId: 'c1', personIds: ['p1', 'p2'] });
    enrol.answer({ enrolParticipants: [{ personId: 'p1' }, { personId: 'p2' }] });
    await settle(fixture);
    answerParticipants(api.expect('SetupParticipants'), [participant(TEACHERS[0]), participant(TEACHERS[1])]);
    await settle(fixture);

    expect(screen.getByTestId('enrol-outcome').textContent?.trim()).toBe('2 teachers are enrolled.');
    expect(screen.getAllByTestId('participant')).toHaveLength(2);
    expect(screen.getByText('Teachers not enrolled (1)')).toBeTruthy();
  });

  it('previews a pasted list row by row, then enrols it in one call, or lists each refused row', async () => {
    const { api, fixture } = await setup([participant(TEACHERS[1])]);
    const list = [
      'E-post;Namn;Skola',
      'amina@larkby.se;Amina Yusuf;Tallåsens skola',
      'klara@larkby.se;Klara Dahl;Tallåsens skola',
      'ebba@larkby.se;Ebba Forsberg;Solviksskolan',
      'okand@larkby.se;Okänd;Tallåsens skola',
    ].join('\n');
    fireEvent.input(screen.getByLabelText('Or paste the list'), { target: { value: list } });
    await settle(fixture);
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    await settle(fixture);

    const preview = screen.getByTestId('csv-preview');
    expect(preview.textContent).toContain('To be enrolled: 2');
    expect(preview.textContent).toContain('Already enrolled: 1');
    expect(within(preview).getAllByTestId('preview-row')).toHaveLength(4);
    expect(document.activeElement?.id).toBe('preview-heading');

    fireEvent.click(screen.getByRole('button', { name: 'Enrol 2 teachers' }));
    const enrol = api.expect('SetupEnrol');
    expect(enrol.variables).toEqual({ cohortId: 'c1', personIds: ['p3', 'p4'] });
    enrol.refuse('BAD_USER_INPUT', [{ field: 'personIds.1', code: 'PERSON_INACTIVE' }]);
    await settle(fixture);
    answerParticipants(api.expect('SetupParticipants'), [participant(TEACHERS[1])]);
    await settle(fixture);

    const refused = screen.getByTestId('enrol-refused');
    expect(refused.getAttribute('role')).toBe('alert');
    expect(
      within(refused)
        .getAllByRole('listitem')
        .map((li) => li.textContent?.trim()),
    ).toEqual(["Row 4 (ebba@larkby.se): The person's account is deactivated."]);
    // Nothing was enrolled, and the preview stays to correct.
    expect(screen.getAllByTestId('participant')).toHaveLength(1);
    expect(screen.getByTestId('csv-preview')).toBeTruthy();
  });
});
