export * from './analyse-feedback';
export type { CoachLexicon } from './lexicon';
