import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AnalysisVersionEntity } from '@stl/api/data-access-db';
import { SignedIn } from '@stl/api/feature-auth';
import { AnswerModel } from './analysis.models';

/** Versions are reached only through an Analysis the asker may read, so no further check here. */
@Resolver(() => AnalysisVersionEntity)
@SignedIn()
export class AnalysisVersionResolver {
  @ResolveField(() => [AnswerModel], {
    description: "The version's answers, one per section, as sanitised rich text.",
  })
  answers(@Parent() v: AnalysisVersionEntity): AnswerModel[] {
    return Object.entries(v.answers).map(([sectionKey, html]) => ({ sectionKey, html }));
  }
}
