import { hash } from '@node-rs/argon2';
import type { DataSource, EntityManager } from 'typeorm';
import { CohortMembershipEntity, CohortRole } from '../cohort/cohort-membership.entity';
import { CohortEntity, CohortStatus } from '../cohort/cohort.entity';
import { MeetingEntity, MeetingMode } from '../meeting/meeting.entity';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { SchoolEntity } from '../organisation/school.entity';
import { CertificationEntity } from '../person/certification.entity';
import { Locale, PersonEntity } from '../person/person.entity';
import { Role, RoleGrantEntity } from '../person/role-grant.entity';
import { AnalysisRoundEntity } from '../round/analysis-round.entity';
import { AnalysisTemplateVersionEntity } from '../template/analysis-template-version.entity';
import { AnalysisTemplateEntity } from '../template/analysis-template.entity';
import { TemplateSectionEntity } from '../template/template-section.entity';

/** Every demo account signs in with this password (README says so). */
export const DEMO_PASSWORD = 'stl-demo-2026';
export const DEMO_DOMAIN = 'larkby.example';
/** The demo platform operator (ADR 0015): runs the service, belongs to no organisation. */
export const DEMO_OPERATOR_EMAIL = 'drift@stl.example';

/** Fixed ids make the seed idempotent: running it again updates rows instead of adding new ones. */
const id = (group: number, n: number) =>
  `00000000-0000-4000-8${group.toString(16).padStart(3, '0')}-${n.toString(16).padStart(12, '0')}`;

export const DEMO_IDS = {
  organisation: id(1, 1),
  school: (n: number) => id(2, n),
  person: (n: number) => id(3, n),
  cohort: id(4, 1),
  template: id(5, 1),
  templateVersion: id(5, 101),
  section: (n: number) => id(5, 200 + n),
  meeting: (n: number) => id(6, n),
  round: (n: number) => id(7, n),
  certification: (n: number) => id(8, n),
  operator: id(3, 900),
} as const;

const SCHOOLS = ['Ekbackeskolan', 'Solviksskolan', 'Norrängsskolan', 'Tallåsens skola'];

const TEACHERS: [string, number][] = [
  ['Sara Lindqvist', 0],
  ['Erik Johansson', 0],
  ['Fatima Hassan', 0],
  ['Lars Nilsson', 0],
  ['Emma Karlsson', 0],
  ['Ahmed Ali', 0],
  ['Ingrid Svensson', 1],
  ['Oskar Persson', 1],
  ['Maja Olsson', 1],
  ['Nils Gustafsson', 1],
  ['Leila Rahimi', 1],
  ['Peter Holm', 1],
  ['Elin Andersson', 2],
  ['Mikael Larsson', 2],
  ['Hanna Jonsson', 2],
  ['Anders Berglund', 2],
  ['Sofia Axelsson', 2],
  ['Johanna Wikström', 2],
  ['Ulf Sandberg', 3],
  ['Amina Yusuf', 3],
  ['Klara Dahl', 3],
  ['Viktor Lund', 3],
  ['Ebba Forsberg', 3],
  ['Gustav Nyström', 3],
];

function emailOf(name: string): string {
  const ascii = name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z ]/g, '')
    .trim()
    .replace(/\s+/g, '.');
  return `${ascii}@${DEMO_DOMAIN}`;
}

/** The default Swedish template: a cycle of professional inquiry. */
export const DEFAULT_TEMPLATE_SECTIONS = [
  {
    key: 'goals',
    title: 'Mål för eleverna',
    prompt:
      'Vilket lärande ville du att eleverna skulle nå? Koppla till kursplanens syfte och centrala innehåll och till betygskriterierna.',
    helpText: 'Skriv konkret: vad ska eleverna kunna eller förstå efter lektionen eller arbetsområdet?',
  },
  {
    key: 'plan',
    title: 'Planering och genomförande',
    prompt: 'Vad planerade du och vad gjorde du? Beskriv hur STL-modellens moment användes.',
    helpText: 'T.ex. skrivande på dator, responsarbete i par, publicering för mottagare.',
  },
  {
    key: 'outcome',
    title: 'Vad hände?',
    prompt: 'Beskriv vad som hände i klassrummet. Vad gjorde eleverna, och vad blev annorlunda än planerat?',
    helpText: 'Beskriv så att ingen elev kan identifieras.',
  },
  {
    key: 'evidence',
    title: 'Belägg för elevernas lärande',
    prompt: 'Vilka belägg har du för elevernas lärande? Exempel ur elevtexter, observationer eller resultat.',
    helpText: 'Anonymisera alla exempel.',
  },
  {
    key: 'effect',
    title: 'Analys av effekten',
    prompt: 'Vad i din undervisning bidrog till lärandet, och vad hindrade det? Koppla gärna till forskning.',
    helpText: '',
  },
  {
    key: 'next',
    title: 'Nästa steg',
    prompt: 'Vad gör du härnäst i din undervisning utifrån analysen?',
    helpText: 'Formulera ett konkret nästa steg som du kan pröva före nästa träff.',
  },
];

/** Stockholm local time to a Date; the demo year spans both summer (+02) and winter (+01) time. */
function sthlm(date: string, time: string): Date {
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const summer = (month > 3 && month < 10) || (month === 3 && day >= 28) || (month === 10 && day < 25);
  return new Date(`${date}T${time}:00${summer ? '+02:00' : '+01:00'}`);
}

const MEETINGS: { date: string; title: string; mode: MeetingMode }[] = [
  { date: '2026-09-02', title: 'Uppstart: STL-modellen och analysmallen', mode: MeetingMode.PHYSICAL },
  { date: '2026-10-07', title: 'Skrivande på dator och talsyntes', mode: MeetingMode.DIGITAL },
  { date: '2026-11-11', title: 'Respons i par: formativ återkoppling', mode: MeetingMode.PHYSICAL },
  { date: '2026-12-09', title: 'Publicering för riktiga mottagare', mode: MeetingMode.DIGITAL },
  {
    date: '2027-01-27',
    title: 'Ljudning och skrivande i förskoleklass och åk 1',
    mode: MeetingMode.PHYSICAL,
  },
  { date: '2027-03-03', title: 'Samarbetsinlärning och gruppstruktur', mode: MeetingMode.DIGITAL },
  { date: '2027-04-14', title: 'Bedömning för lärande i STL', mode: MeetingMode.PHYSICAL },
  { date: '2027-05-26', title: 'Avslutning: vad har förändrats i klassrummet?', mode: MeetingMode.PHYSICAL },
];

function addDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * 86400000);
}

/**
 * Seeds the demo organisation: 4 schools, an administrator, 3 course leaders (one with an expired
 * certification), 4 school leaders, 24 teachers, a template and an open cohort for 2026/27 with 8
 * meetings and 6 rounds. Idempotent: upserts by fixed id.
 */
export async function seedDemo(dataSource: DataSource): Promise<void> {
  const passwordHash = await hash(DEMO_PASSWORD, {
    memoryCost: 19456,
    timeCost: 2,
    parallelism: 1,
    algorithm: 2,
  });
  await dataSource.transaction(async (m: EntityManager) => {
    const orgId = DEMO_IDS.organisation;
    await m.upsert(OrganisationEntity, { id: orgId, name: 'Lärkby kommun', slug: 'larkby' }, ['id']);
    await m.upsert(
      SchoolEntity,
      SCHOOLS.map((name, i) => ({ id: DEMO_IDS.school(i + 1), organisationId: orgId, name, unitCode: null })),
      ['id'],
    );

    const people: Partial<PersonEntity>[] = [];
    const grants: Partial<RoleGrantEntity>[] = [];
    const person = (n: number, fullName: string, email: string, schoolIndex: number | null) => {
      people.push({
        id: DEMO_IDS.person(n),
        organisationId: orgId,
        fullName,
        email,
        schoolId: schoolIndex === null ? null : DEMO_IDS.school(schoolIndex + 1),
        locale: Locale.sv,
        passwordHash,
        active: true,
      });
    };
    const grant = (n: number, role: Role, schoolIndex: number | null = null) =>
      grants.push({
        id: id(9, n * 10 + Object.values(Role).indexOf(role)),
        personId: DEMO_IDS.person(n),
        role,
        organisationId: orgId,
        schoolId: schoolIndex === null ? null : DEMO_IDS.school(schoolIndex + 1),
      });

    person(1, 'Åsa Lind', `admin@${DEMO_DOMAIN}`, null);
    grant(1, Role.ADMINISTRATOR);
    person(2, 'Maria Berg', `maria.berg@${DEMO_DOMAIN}`, 0);
    person(3, 'Johan Ek', `johan.ek@${DEMO_DOMAIN}`, 2);
    person(4, 'Karin Sjö', `karin.sjo@${DEMO_DOMAIN}`, 1);
    for (const n of [2, 3, 4]) grant(n, Role.COURSE_LEADER);
    const leaders = ['Birgitta Rektor', 'Stefan Rektor', 'Annika Rektor', 'Mats Rektor'];
    leaders.forEach((name, i) => {
      person(
        10 + i,
        name.replace('Rektor', ['Ek', 'Sol', 'Norr', 'Tall'][i] + 'man'),
        `rektor.${['ekbacke', 'solvik', 'norrang', 'tallasen'][i]}@${DEMO_DOMAIN}`,
        i,
      );
      grant(10 + i, Role.SCHOOL_LEADER, i);
    });
    TEACHERS.forEach(([name, school], i) => {
      person(100 + i, name, emailOf(name), school);
      grant(100 + i, Role.TEACHER);
    });
    // The platform operator who runs the service (ADR 0015): no organisation, no roles in one.
    people.push({
      id: DEMO_IDS.operator,
      organisationId: null,
      platformOperator: true,
      fullName: 'Alex Holmberg',
      email: DEMO_OPERATOR_EMAIL,
      schoolId: null,
      locale: Locale.sv,
      passwordHash,
      active: true,
    });
    await m.upsert(PersonEntity, people, ['id']);
    await m.upsert(RoleGrantEntity, grants, ['id']);

    await m.upsert(
      CertificationEntity,
      [
        {
          id: DEMO_IDS.certification(2),
          personId: DEMO_IDS.person(2),
          issuedOn: '2025-06-13',
          validUntil: '2029-06-30',
          issuer: 'STL-utbildarnätverket',
          reference: 'STL-2025-0142',
          revokedAt: null,
        },
        {
          id: DEMO_IDS.certification(3),
          personId: DEMO_IDS.person(3),
          issuedOn: '2024-06-14',
          validUntil: '2028-06-30',
          issuer: 'STL-utbildarnätverket',
          reference: 'STL-2024-0087',
          revokedAt: null,
        },
        {
          id: DEMO_IDS.certification(4),
          personId: DEMO_IDS.person(4),
          issuedOn: '2020-06-12',
          validUntil: '2024-06-30',
          issuer: 'STL-utbildarnätverket',
          reference: 'STL-2020-0031',
          revokedAt: null,
        },
      ],
      ['id'],
    );

    await m.upsert(
      AnalysisTemplateEntity,
      {
        id: DEMO_IDS.template,
        organisationId: orgId,
        name: 'Analysmall STL – undersökande cykel',
        description: 'Lärarens egen undersökning av sin undervisning, i sex steg.',
      },
      ['id'],
    );
    await m.upsert(
      AnalysisTemplateVersionEntity,
      {
        id: DEMO_IDS.templateVersion,
        templateId: DEMO_IDS.template,
        version: 1,
        createdById: DEMO_IDS.person(1),
      },
      ['id'],
    );
    await m.upsert(
      TemplateSectionEntity,
      DEFAULT_TEMPLATE_SECTIONS.map((s, i) => ({
        id: DEMO_IDS.section(i + 1),
        templateVersionId: DEMO_IDS.templateVersion,
        position: i + 1,
        required: true,
        ...s,
      })),
      ['id'],
    );

    const cohortId = DEMO_IDS.cohort;
    await m.upsert(
      CohortEntity,
      {
        id: cohortId,
        organisationId: orgId,
        name: 'STL Lärkby 2026/27',
        schoolYear: '2026/27',
        startsOn: '2026-08-17',
        endsOn: '2027-06-11',
        status: CohortStatus.OPEN,
        requiredAttendanceShare: 0.75,
        peersPerAnalysis: 2,
        feedbackMinLength: 50,
        sameSchoolSupport: false,
        openedAt: new Date('2026-08-20T08:00:00Z'),
        completedAt: null,
      },
      ['id'],
    );
    const memberships: Partial<CohortMembershipEntity>[] = [
      { cohortId, personId: DEMO_IDS.person(2), role: CohortRole.LEADER, schoolId: null },
      { cohortId, personId: DEMO_IDS.person(3), role: CohortRole.LEADER, schoolId: null },
      ...TEACHERS.map(([, school], i) => ({
        cohortId,
        personId: DEMO_IDS.person(100 + i),
        role: CohortRole.PARTICIPANT,
        schoolId: DEMO_IDS.school(school + 1),
        wantsSameSchool: false,
        leftAt: null,
      })),
    ];
    await m.upsert(CohortMembershipEntity, memberships, ['cohortId', 'personId', 'role']);

    const meetings = MEETINGS.map((mt, i) => ({
      id: DEMO_IDS.meeting(i + 1),
      cohortId,
      number: i + 1,
      title: mt.title,
      theme: null,
      startsAt: sthlm(mt.date, '13:00'),
      endsAt: sthlm(mt.date, '16:00'),
      mode: mt.mode,
      location: mt.mode === MeetingMode.PHYSICAL ? 'Lärkby utbildningscenter, sal 3' : null,
      videoUrl: mt.mode === MeetingMode.DIGITAL ? 'https://meet.larkby.example/stl-2026' : null,
      preparation: 'Läs igenom dina kritiska vänners analyser och ta med en fråga till diskussionen.',
      discussionQuestions: [
        'Vad i analyserna visar på elevernas lärande?',
        'Vilket nästa steg vill du pröva, och varför?',
      ],
    }));
    await m.upsert(MeetingEntity, meetings, ['id']);

    // Round n is written after meeting n and discussed at meeting n+1.
    const rounds = Array.from({ length: 6 }, (_, i) => {
      const after = meetings[i];
      const discussedAt = meetings[i + 1];
      return {
        id: DEMO_IDS.round(i + 1),
        cohortId,
        number: i + 1,
        title: `Analys ${i + 1}`,
        templateVersionId: DEMO_IDS.templateVersion,
        meetingId: discussedAt.id,
        opensAt: after.endsAt,
        submissionDeadline: addDays(discussedAt.startsAt, -10),
        feedbackDeadline: addDays(discussedAt.startsAt, -2),
      };
    });
    await m.upsert(AnalysisRoundEntity, rounds, ['id']);
  });
}
