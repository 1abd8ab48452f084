/**
 * `npm run bench:coach`: how well the feedback coach finds the five qualities on the hand-labelled
 * corpus (libs/shared/domain/test/feedback-coach), per language, with every misclassified example; and how long it takes
 * on a 5,000-character feedback. Targets (issue 15): Swedish precision ≥ 0.85 and recall ≥ 0.8 on
 * each quality; under 5 ms per analysis.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { analyseFeedback } from '@stl/shared/domain/feedback-coach';
import { loadCorpus, loadHeldOut, score } from '../../libs/shared/domain/test/feedback-coach/corpus';
import type { CorpusItem } from '../../libs/shared/domain/test/feedback-coach/corpus';

const { analyses, items } = loadCorpus();

/** Precision and recall per quality, and every misclassified example; true when all meet the targets. */
function report(
  title: string,
  texts: Record<string, string>,
  subset: CorpusItem[],
  marked: boolean,
): boolean {
  const { scores, misses } = score(texts, subset);
  let meetsAll = true;
  console.log(`\n${title}: ${subset.length} feedback texts`);
  console.log('quality         precision  recall   TP  FP  FN');
  for (const s of scores) {
    const meets = s.precision >= 0.85 && s.recall >= 0.8;
    if (!meets) meetsAll = false;
    console.log(
      `${s.quality.padEnd(15)} ${s.precision.toFixed(2).padStart(9)} ${s.recall.toFixed(2).padStart(7)} ${String(s.truePositives).padStart(4)} ${String(s.falsePositives).padStart(3)} ${String(s.falseNegatives).padStart(3)}${marked && !meets ? '   below target' : ''}`,
    );
  }
  if (misses.length > 0) {
    console.log(`misclassified (${misses.length}):`);
    for (const m of misses) {
      console.log(
        `  ${m.expected ? 'missed' : 'wrongly'} ${m.quality}: ${m.text}${m.evidence.length ? `  [${m.evidence.join(' | ')}]` : ''}`,
      );
    }
  }
  return meetsAll;
}

// Only the Swedish tuning corpus is gated. The held-out set was never used to tune the lexicons, so
// its figures say more about real feedback; reported, not gated (ADR 0035).
const failed = !report(
  'Swedish',
  analyses,
  items.filter((i) => i.language === 'sv'),
  true,
);
report(
  'English',
  analyses,
  items.filter((i) => i.language === 'en'),
  false,
);
const heldOut = loadHeldOut();
report('Swedish, held out (never tuned on)', heldOut.analyses, heldOut.items, true);

// Speed: a 5,000-character feedback on a long analysis. "Typing": the same analysis each time, as
// in the browser while the writer types (the analysis side is prepared once); "cold": a new
// analysis every run, as on the server when feedback is saved.
const long = items
  .filter((i) => i.language === 'sv')
  .map((i) => i.text)
  .join(' ')
  .slice(0, 5000);
const analysis = Object.values(analyses).join(' ').repeat(3);
analyseFeedback(long, analysis);
const times: number[] = [];
for (let i = 0; i < 200; i++) {
  const t = performance.now();
  analyseFeedback(long, analysis);
  times.push(performance.now() - t);
}
const cold: number[] = [];
for (let i = 0; i < 200; i++) {
  const fresh = `${analysis} ${i}`;
  const t = performance.now();
  analyseFeedback(long, fresh);
  cold.push(performance.now() - t);
}
const summary = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))].toFixed(2);
  return `p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`;
};
console.log(
  `\nspeed (${long.length}-character feedback, ${analysis.length}-character analysis, 200 runs each; load average ${loadavg()[0].toFixed(1)}):`,
);
console.log(`  typing (same analysis): ${summary(times)}`);
console.log(`  cold (new analysis):    ${summary(cold)}`);
process.exitCode = failed ? 1 : 0;
