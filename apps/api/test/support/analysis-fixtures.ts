import type { GqlClient } from './gql-client';

/** The section keys of the demo template. */
export const ALL_SECTIONS = ['goals', 'plan', 'outcome', 'evidence', 'effect', 'next'];

export const SAVE = `mutation($input: SaveAnalysisDraftInput!) {
  saveAnalysisDraft(input: $input) { id status publishedVersion draft { revision answers { sectionKey html } } }
}`;
export const PUBLISH = `mutation($input: PublishAnalysisInput!) {
  publishAnalysis(input: $input) { id status publishedVersion current { version answers { sectionKey html } } }
}`;

/** Answers for the given sections, each a paragraph naming its section. */
export function answers(text: string, keys = ALL_SECTIONS) {
  return keys.map((sectionKey) => ({ sectionKey, html: `<p>${text} (${sectionKey})</p>` }));
}

/** Writes and publishes a complete analysis for a participant; returns its id. */
export async function publishComplete(c: GqlClient, roundId: string, text: string): Promise<string> {
  const mine = await c.ok(`query($r: ID!) { myAnalysis(roundId: $r) { id draft { revision } } }`, {
    r: roundId,
  });
  const rev = mine.myAnalysis?.draft.revision ?? 0;
  const saved = await c.ok(SAVE, { input: { roundId, expectedRevision: rev, answers: answers(text) } });
  const a = saved.saveAnalysisDraft;
  await c.ok(PUBLISH, {
    input: { analysisId: a.id, expectedRevision: a.draft.revision, confirmNoPupilIdentifiable: true },
  });
  return a.id;
}
