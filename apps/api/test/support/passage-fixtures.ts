import type { DataSource } from 'typeorm';
import { AnalysisVersionEntity } from '@stl/api/data-access-db';
import { describePassage, findQuote, richTextContent } from '@stl/shared/domain';

export const COMMENT_ON_PASSAGE = `mutation($input: PassageCommentInput!) {
  commentOnPassage(input: $input) { id version sectionKey exact prefix suffix start end body author { id } }
}`;

/** What commentOnPassage needs besides the body: a passage of a section of a published version. */
export interface PassageAnchor {
  analysisId: string;
  version: number;
  sectionKey: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

/**
 * The anchor of `quote` (which must occur once) in a section of a published version, measured on
 * the stored text the way the web app measures the rendered one.
 */
export async function passageIn(
  db: DataSource,
  analysisId: string,
  version: number,
  sectionKey: string,
  quote: string,
): Promise<PassageAnchor> {
  const row = await db.getRepository(AnalysisVersionEntity).findOneOrFail({ where: { analysisId, version } });
  const text = richTextContent(row.answers[sectionKey] ?? '');
  const found = findQuote(text, quote);
  if (typeof found === 'string') throw new Error(`"${quote}" is ${found} in ${sectionKey}: ${text}`);
  return { analysisId, version, sectionKey, ...describePassage(text, found.start, found.end) };
}
