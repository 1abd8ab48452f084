import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { AnalysisEntity } from '@stl/api/data-access-db';
import { PageInfo } from '@stl/api/util-graphql';
import type { Page } from '@stl/api/util-graphql';

@ObjectType('AnalysisAnswer', { description: "One section's answer: sanitised HTML." })
export class AnswerModel {
  @Field({ description: "The template section's key this answer belongs to." })
  sectionKey!: string;

  @Field({ description: "The answer as sanitised rich text (HTML within the platform's allowlist)." })
  html!: string;
}

@ObjectType('AnalysisDraft', { description: "The author's private working copy." })
export class DraftModel {
  @Field(() => Int, { description: 'Send this as expectedRevision with the next save or publish.' })
  revision!: number;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the working copy was last saved (UTC); null before the first save.',
  })
  savedAt!: Date | null;

  @Field(() => [AnswerModel], { description: "The working copy's answers, one per section written." })
  answers!: AnswerModel[];
}

@ObjectType('ExcerptPart', {
  description:
    'A stretch of an excerpt, as plain text (clients escape it); match marks what the search found.',
})
export class ExcerptPartModel {
  @Field({ description: 'The text, never HTML.' })
  text!: string;

  @Field({ description: 'True for a word the search matched (shown highlighted).' })
  match!: boolean;
}

@ObjectType('SharedSpaceHit', {
  description: 'One analysis of the shared space that the search found, with where it matched.',
})
export class SharedSpaceHitModel {
  @Field(() => AnalysisEntity, { description: 'The published analysis (its latest version was searched).' })
  analysis!: AnalysisEntity;

  @Field(() => Float, {
    description:
      'How well it matches (ts_rank_cd; sub-headings count more than text; higher is better). Hits holding the words themselves come before those holding only longer words that start like them, whatever their rank.',
  })
  rank!: number;

  @Field(() => [ExcerptPartModel], {
    description:
      'Up to two passages of the latest version around the matches, with the matched words marked.',
  })
  excerpt!: ExcerptPartModel[];
}

@ObjectType('SharedSpaceSearchPage', {
  description: 'A page of search results, best match first; paged like sharedSpace.',
})
export class SharedSpaceSearchPage implements Page<SharedSpaceHitModel> {
  @Field(() => [SharedSpaceHitModel], { description: 'The hits of this page, best first.' })
  nodes!: SharedSpaceHitModel[];

  @Field(() => PageInfo, { description: 'Whether more hits follow, and the cursor to ask for them.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Hits in all pages.' })
  totalCount!: number;

  @Field({
    description:
      'False when the search held nothing to look for (only common words such as "och" or punctuation); then there are no hits.',
  })
  searchable!: boolean;
}

@ObjectType('SharedSpaceSchool', {
  description: "A school whose teachers' analyses are in the shared space (for the school filter).",
})
export class SharedSpaceSchoolModel {
  @Field(() => ID, { description: "The school's id, for schoolId." })
  id!: string;

  @Field({ description: "The school's name." })
  name!: string;
}
