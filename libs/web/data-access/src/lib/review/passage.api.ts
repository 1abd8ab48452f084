import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import {
  CommentOnPassageDocument,
  DeletePassageCommentDocument,
  EditPassageCommentDocument,
} from '../../generated/graphql';
import type {
  CommentOnPassageMutation,
  DeletePassageCommentMutation,
  EditPassageCommentMutation,
  PassageCommentFieldsFragment,
  PassageCommentInput,
} from '../../generated/graphql';
import { GraphqlClient } from '../graphql/graphql-client';

export type PassageComment = PassageCommentFieldsFragment;
export type { PassageCommentInput } from '../../generated/graphql';

/** Comments on a passage of a published analysis (ADR 0026); they are read with the analysis. */
@Injectable({ providedIn: 'root' })
export class PassageApi {
  private readonly gql = inject(GraphqlClient);

  comment(input: PassageCommentInput): Observable<CommentOnPassageMutation> {
    return this.gql.request(CommentOnPassageDocument, { input });
  }

  edit(id: string, body: string): Observable<EditPassageCommentMutation> {
    return this.gql.request(EditPassageCommentDocument, { id, body });
  }

  remove(id: string): Observable<DeletePassageCommentMutation> {
    return this.gql.request(DeletePassageCommentDocument, { id });
  }
}
