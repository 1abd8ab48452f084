/** What a self-assessment statement is about, for grouping on the form and in the follow-up. */
export type SelfAssessmentTheme = 'DIGITAL_TOOLS' | 'FORMATIVE_FEEDBACK' | 'OTHER';

export const SELF_ASSESSMENT_THEMES: readonly SelfAssessmentTheme[] = [
  'DIGITAL_TOOLS',
  'FORMATIVE_FEEDBACK',
  'OTHER',
];

/** The lowest and highest value of the Likert scale (1 = not at all … 5 = completely). */
export const LIKERT_MIN = 1;
export const LIKERT_MAX = 5;

/** A statement's longest text in either language. */
export const SELF_ASSESSMENT_TEXT_MAX = 400;
/** Statements on one organisation's form at most. */
export const SELF_ASSESSMENT_MAX_QUESTIONS = 20;

export interface SeedQuestion {
  /** Stable key: the seeded row is written once per organisation, however often asked for. */
  key: string;
  theme: SelfAssessmentTheme;
  sv: string;
  en: string;
}

/**
 * The statements every organisation starts from (issue 14): the teacher's own use of digital tools
 * in teaching and of formative feedback, in the spirit of Skolverket's LIKA self-assessment for
 * schools' digitalisation and the EU's SELFIE for teachers. Written as first-person statements to
 * agree with on a scale of 1–5, so a mean before and after the course says something.
 */
export const SEED_QUESTIONS: readonly SeedQuestion[] = [
  {
    key: 'digital-planning',
    theme: 'DIGITAL_TOOLS',
    sv: 'Jag använder digitala verktyg på ett genomtänkt sätt när jag planerar min undervisning.',
    en: 'I use digital tools deliberately when I plan my teaching.',
  },
  {
    key: 'digital-choice',
    theme: 'DIGITAL_TOOLS',
    sv: 'Jag väljer digitala verktyg utifrån vad eleverna ska lära sig, inte tvärtom.',
    en: 'I choose digital tools for what the pupils are to learn, not the other way round.',
  },
  {
    key: 'digital-writing',
    theme: 'DIGITAL_TOOLS',
    sv: 'Mina elever använder digitala verktyg för att skriva, bearbeta och dela sina texter.',
    en: 'My pupils use digital tools to write, revise and share their texts.',
  },
  {
    key: 'digital-confidence',
    theme: 'DIGITAL_TOOLS',
    sv: 'Jag känner mig trygg i att leda lektioner där eleverna arbetar digitalt.',
    en: 'I feel confident leading lessons in which the pupils work digitally.',
  },
  {
    key: 'feedback-forward',
    theme: 'FORMATIVE_FEEDBACK',
    sv: 'Jag ger eleverna framåtsyftande återkoppling medan de arbetar, inte bara när arbetet är klart.',
    en: 'I give pupils forward-looking feedback while they work, not only when the work is finished.',
  },
  {
    key: 'feedback-used',
    theme: 'FORMATIVE_FEEDBACK',
    sv: 'Mina elever använder återkopplingen de får för att förbättra sina texter.',
    en: 'My pupils use the feedback they get to improve their texts.',
  },
  {
    key: 'feedback-peers',
    theme: 'FORMATIVE_FEEDBACK',
    sv: 'Mina elever ger varandra konstruktiv återkoppling på varandras texter.',
    en: "My pupils give each other constructive feedback on one another's texts.",
  },
  {
    key: 'feedback-colleagues',
    theme: 'FORMATIVE_FEEDBACK',
    sv: 'Jag tar emot och använder återkoppling från kollegor för att utveckla min undervisning.',
    en: 'I take in and use feedback from colleagues to develop my teaching.',
  },
];
