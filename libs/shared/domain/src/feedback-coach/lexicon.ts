/**
 * The shape of a feedback-coach lexicon: the word lists and phrases the analyser looks for, per
 * language. The lists are data, reviewed like code; docs/feedback-coach.md says where each comes
 * from. Phrases are matched case-insensitively on whole words; stems (`…Stems`) against the
 * Snowball stem of each word, as a prefix.
 */
export interface CoachLexicon {
  /** Snowball stemmer name (snowball-stemmers). */
  stemmer: 'swedish' | 'english';
  /** Words too common to show that feedback refers to this analysis. */
  stopWords: readonly string[];
  /**
   * Stems every analysis shares (the course's own vocabulary): overlap on these alone does not make
   * feedback anchored.
   */
  genericStems: readonly string[];
  /** Phrases that point at a place in the analysis ("du skriver att", "i avsnittet om"). */
  referencePhrases: readonly string[];
  /** Words that open a question (hur, varför, vad …). */
  questionWords: readonly string[];
  /** Phrases that ask without a question mark ("jag undrar", "vore intressant att veta"). */
  indirectQuestionPhrases: readonly string[];
  /** Tag questions and filler that are not genuine questions ("eller hur?", "visst?"). */
  rhetoricalQuestions: readonly string[];
  /** Phrases that propose a next step ("nästa gång", "du skulle kunna", "prova att"). */
  nextStepPhrases: readonly string[];
  /**
   * The next-step phrases that still propose a step inside a question ("Varför inte …?", "Har du
   * funderat på att …?"); other phrases in a question ask about the past ("… i stället för …?").
   */
  nextStepInQuestions: readonly string[];
  /** Imperative verbs that, first in a sentence, propose a step ("Prova …", "Låt eleverna …"). */
  nextStepImperatives: readonly string[];
  /** Stems of words about pupils' learning, goals and evidence. */
  learningStems: readonly string[];
  /** Purely evaluative phrases: praise. */
  praisePhrases: readonly string[];
  /** Purely evaluative phrases: judgement. */
  judgementPhrases: readonly string[];
}
