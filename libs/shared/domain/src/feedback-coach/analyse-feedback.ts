// The package ships no types; its declaration sits beside this file and must reach every project that compiles it.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./snowball-stemmers.d.ts" />
import { newStemmer } from 'snowball-stemmers';
import type { CoachLexicon } from './lexicon';
import { SV_LEXICON } from './lexicon.sv';
import { EN_LEXICON } from './lexicon.en';

/**
 * The qualities of forward-looking feedback the coach looks for (docs/feedback-coach.md):
 * - `anchored`: refers to something specific in the analysis it answers;
 * - `question`: asks at least one genuine question;
 * - `nextStep`: proposes a concrete next step or alternative for the teaching;
 * - `aboutLearning`: speaks of pupils' learning, goals or evidence;
 * - `onlyPraise`: evaluative phrases ("bra jobbat", "rörigt") and nothing of the above — the one
 *   quality that is a warning, not a goal.
 */
export const FEEDBACK_QUALITIES = [
  'anchored',
  'question',
  'nextStep',
  'aboutLearning',
  'onlyPraise',
] as const;
export type FeedbackQuality = (typeof FEEDBACK_QUALITIES)[number];

/** One quality: whether it was found, and the words or sentences that made the analyser think so. */
export interface QualityFinding {
  found: boolean;
  evidence: string[];
}

export type FeedbackAnalysis = Record<FeedbackQuality, QualityFinding>;

export type CoachLanguage = 'sv' | 'en';

const LEXICONS: Record<CoachLanguage, CoachLexicon> = { sv: SV_LEXICON, en: EN_LEXICON };

/** A prepared lexicon: sets for lookups, phrases as regular expressions, one stemmer. */
interface Prepared {
  lexicon: CoachLexicon;
  stem: (word: string) => string;
  stop: Set<string>;
  generic: readonly string[];
  questionWords: Set<string>;
  imperatives: Set<string>;
  rhetorical: Set<string>;
  phrases: Record<
    | 'reference'
    | 'indirectQuestion'
    | 'nextStep'
    | 'nextStepInQuestion'
    | 'rhetorical'
    | 'praise'
    | 'judgement',
    PhraseList
  >;
}

const prepared = new Map<CoachLanguage, Prepared>();

const LETTERS = /[\p{L}\p{N}]+/gu;

/**
 * A list of phrases indexed by their first word: one pass over a text's words finds every phrase
 * in it, however long the list (a regular expression with every phrase costs a pass per position).
 */
interface PhraseList {
  byFirstWord: Map<string, string[][]>;
}

function phraseList(phrases: readonly string[]): PhraseList {
  const byFirstWord = new Map<string, string[][]>();
  for (const phrase of new Set(phrases)) {
    const w = words(phrase);
    if (w.length === 0) continue;
    byFirstWord.set(w[0], [...(byFirstWord.get(w[0]) ?? []), w]);
  }
  return { byFirstWord };
}

function prepare(language: CoachLanguage): Prepared {
  const cached = prepared.get(language);
  if (cached) return cached;
  const lexicon = LEXICONS[language];
  const stemmer = newStemmer(lexicon.stemmer);
  const stems = new Map<string, string>();
  const ready: Prepared = {
    lexicon,
    stem: (word) => {
      let s = stems.get(word);
      if (s === undefined) {
        s = stemmer.stem(word);
        if (stems.size < 20_000) stems.set(word, s);
      }
      return s;
    },
    stop: new Set(lexicon.stopWords),
    generic: lexicon.genericStems,
    questionWords: new Set(lexicon.questionWords),
    imperatives: new Set(lexicon.nextStepImperatives),
    rhetorical: new Set(lexicon.rhetoricalQuestions),
    phrases: {
      reference: phraseList(lexicon.referencePhrases),
      indirectQuestion: phraseList(lexicon.indirectQuestionPhrases),
      nextStep: phraseList(lexicon.nextStepPhrases),
      nextStepInQuestion: phraseList(lexicon.nextStepInQuestions),
      rhetorical: phraseList(lexicon.rhetoricalQuestions.filter((r) => r.includes(' '))),
      praise: phraseList(lexicon.praisePhrases),
      judgement: phraseList(lexicon.judgementPhrases),
    },
  };
  prepared.set(language, ready);
  return ready;
}

/** Words of a text, lower-cased; the same text is split once per analysis (see `analyseFeedback`). */
let wordCache = new Map<string, string[]>();

function words(text: string): string[] {
  let w = wordCache.get(text);
  if (!w) {
    w = text.toLowerCase().match(LETTERS) ?? [];
    wordCache.set(text, w);
  }
  return w;
}

/** Sentences, each with its closing mark; line breaks end a sentence too (lists, short lines). */
function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?…])\s+|\n+/u)
    .map((s) => s.trim())
    .filter((s) => /[\p{L}]/u.test(s));
}

/** The phrases of a list that occur in a text, given as its words (or as text). */
function matches(list: PhraseList, text: string | readonly string[]): string[] {
  const w = typeof text === 'string' ? words(text) : text;
  const found = new Set<string>();
  for (let i = 0; i < w.length; i++) {
    for (const phrase of list.byFirstWord.get(w[i]) ?? []) {
      let ok = true;
      for (let j = 1; j < phrase.length && ok; j++) ok = w[i + j] === phrase[j];
      if (ok) found.add(phrase.join(' '));
    }
  }
  return [...found];
}

/** Quoted passages of at least two words: "…", ”…”, «…», '…'. */
function quotes(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/["”“«‘'‚„]([^"”“«»‘’'‚„]{3,200})["”“»’']/gu)) {
    if ((m[1].match(LETTERS) ?? []).length >= 2) found.push(m[1].trim());
  }
  return found;
}

/** Content stems of a text: no stop words, no short words, no numbers. */
function contentStems(p: Prepared, text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const w of words(text)) {
    if (w.length < 4 || p.stop.has(w) || /^\d+$/.test(w)) continue;
    const s = p.stem(w);
    if (!out.has(s)) out.set(s, w);
  }
  return out;
}

function isGeneric(p: Prepared, stem: string): boolean {
  return p.generic.some((g) => stem.startsWith(g));
}

/**
 * Two stems name the same thing when equal, or when one is a long prefix of the other: Swedish
 * compounds and the Snowball stemmer's uneven endings ("kamratrespon" / "kamratrespons").
 */
function sameStem(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 6 && long.startsWith(short) && long.length - short.length <= 3;
}

/** What anchoring needs of an analysis, kept for the last few: the writer types against one text. */
interface PreparedAnalysis {
  lower: string;
  stems: Set<string>;
  /** Stems of six letters or more by their first six, for the prefix comparison. */
  byPrefix: Map<string, string[]>;
  names: Set<string>;
}

const analysisCache = new Map<string, PreparedAnalysis>();

function prepareAnalysis(p: Prepared, analysisText: string): PreparedAnalysis {
  const key = `${p.lexicon.stemmer}:${analysisText}`;
  const cached = analysisCache.get(key);
  if (cached) return cached;
  const stems = new Set(contentStems(p, analysisText).keys());
  const byPrefix = new Map<string, string[]>();
  for (const stem of stems) {
    if (stem.length < 6) continue;
    const k = stem.slice(0, 6);
    byPrefix.set(k, [...(byPrefix.get(k) ?? []), stem]);
  }
  const names = new Set(
    [...analysisText.matchAll(/(?<=[\p{L},;:] )\p{Lu}[\p{L}]+/gu)].map((m) => m[0].toLocaleLowerCase('sv')),
  );
  const prepared: PreparedAnalysis = { lower: analysisText.toLocaleLowerCase('sv'), stems, byPrefix, names };
  if (analysisCache.size >= 8) analysisCache.delete(analysisCache.keys().next().value as string);
  analysisCache.set(key, prepared);
  return prepared;
}

function inAnalysis(a: PreparedAnalysis, stem: string): boolean {
  if (a.stems.has(stem)) return true;
  if (stem.length < 6) return false;
  return (a.byPrefix.get(stem.slice(0, 6)) ?? []).some((s) => sameStem(s, stem));
}

function anchored(p: Prepared, feedback: string, analysisText: string): QualityFinding {
  if (!analysisText.trim()) return { found: false, evidence: [] };
  const evidence: string[] = [];
  const analysis = prepareAnalysis(p, analysisText);
  const analysisLower = analysis.lower;
  const quoted = quotes(feedback).filter((q) => {
    const qWords = words(q);
    // A quote counts when most of its words are in the analysis (allowing small changes).
    const hits = qWords.filter((w) => analysisLower.includes(w)).length;
    return hits >= Math.max(2, Math.ceil(qWords.length * 0.7));
  });
  evidence.push(...quoted.map((q) => `”${q}”`));

  const names = analysis.names;
  const shared: string[] = [];
  let specific = false;
  for (const [stem, word] of contentStems(p, feedback)) {
    if (isGeneric(p, stem)) continue;
    if (!inAnalysis(analysis, stem)) continue;
    shared.push(word);
    // A long word (Swedish compounds: "röstkommentarerna", "talsyntes") or a name from the analysis
    // ("Padlet", "Wikipedia") is specific enough on its own.
    if (word.length >= 8 || names.has(word)) specific = true;
  }
  const references = matches(p.phrases.reference, feedback);
  const found =
    quoted.length > 0 || specific || shared.length >= 2 || (shared.length >= 1 && references.length > 0);
  if (found) evidence.push(...references, ...shared);
  return { found, evidence: found ? [...new Set(evidence)] : [] };
}

function isRhetorical(p: Prepared, sentence: string): boolean {
  const w = words(sentence);
  if (w.length < 3) return true;
  // "…, eller hur?" — the tail after the last comma is filler when the lexicon lists it.
  const tail = sentence
    .replace(/[?!.\s]+$/u, '')
    .split(/[,–-]/u)
    .pop()
    ?.trim()
    .toLocaleLowerCase('sv');
  if (tail && p.rhetorical.has(tail)) return true;
  if (matches(p.phrases.rhetorical, sentence).length > 0) return true;
  return p.rhetorical.has(w.join(' '));
}

/** The text with quoted passages blanked: an example quoted ("”Vad händer i början?”") asks nothing. */
function withoutQuotes(text: string): string {
  return text.replace(/["”“«‘‚„][^"”“«»‘’‚„]{1,300}["”“»’]/gu, ' … ');
}

function question(p: Prepared, feedback: string): QualityFinding {
  const evidence: string[] = [];
  for (const s of sentences(withoutQuotes(feedback))) {
    if (s.includes('?')) {
      const asked = s.slice(0, s.lastIndexOf('?') + 1);
      const w = words(asked);
      // A question word opens the sentence or one of its clauses ("Skriv mer om syftet, vilket mål …?").
      const opens = asked
        .split(/[,;:]/u)
        .some((clause) => words(clause).some((x, i) => i < 4 && p.questionWords.has(x)));
      if (!isRhetorical(p, asked) && w.length >= 4 && opens) evidence.push(asked);
    } else if (matches(p.phrases.indirectQuestion, s).length > 0) {
      evidence.push(s);
    }
  }
  return { found: evidence.length > 0, evidence };
}

function nextStep(p: Prepared, feedback: string): QualityFinding {
  const evidence: string[] = [];
  for (const s of sentences(withoutQuotes(feedback))) {
    const first = words(s)[0];
    const byPhrase = matches(s.includes('?') ? p.phrases.nextStepInQuestion : p.phrases.nextStep, s);
    const byImperative = first !== undefined && p.imperatives.has(first) && words(s).length >= 4;
    if (byPhrase.length > 0 || byImperative) evidence.push(s);
  }
  return { found: evidence.length > 0, evidence };
}

function aboutLearning(p: Prepared, feedback: string): QualityFinding {
  const evidence: string[] = [];
  for (const w of new Set(words(feedback))) {
    if (w.length < 2) continue;
    const s = p.stem(w);
    if (p.lexicon.learningStems.some((l) => s.startsWith(l))) evidence.push(w);
  }
  return { found: evidence.length > 0, evidence };
}

/**
 * Finds the qualities of one piece of feedback (all its parts, joined) on the analysis it answers
 * (plain text). Pure and synchronous: the browser runs it as the writer types, the server when
 * the feedback is saved; the same text gives the same answer in both.
 */
export function analyseFeedback(
  feedback: string,
  analysisText: string,
  language: CoachLanguage = 'sv',
): FeedbackAnalysis {
  const p = prepare(language);
  wordCache = new Map();
  const result: FeedbackAnalysis = {
    anchored: anchored(p, feedback, analysisText),
    question: question(p, feedback),
    nextStep: nextStep(p, feedback),
    aboutLearning: aboutLearning(p, feedback),
    onlyPraise: { found: false, evidence: [] },
  };
  const evaluative = [...matches(p.phrases.praise, feedback), ...matches(p.phrases.judgement, feedback)];
  const substance =
    result.anchored.found || result.question.found || result.nextStep.found || result.aboutLearning.found;
  if (evaluative.length > 0 && !substance) result.onlyPraise = { found: true, evidence: evaluative };
  wordCache = new Map();
  return result;
}
