import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { RemoveAttachmentDocument } from '../../generated/graphql';
import type { AttachmentFieldsFragment, RemoveAttachmentMutation } from '../../generated/graphql';
import { ApiError, apiErrorFrom } from '../graphql/api-error';
import type { GraphqlErrorShape } from '../graphql/api-error';
import { GraphqlClient } from '../graphql/graphql-client';

export type Attachment = AttachmentFieldsFragment;

/** Where files are uploaded and served: the API's own origin, like /graphql. */
export const FILES_URL = '/files';
/** The API refuses uploads without it (protection against cross-site form posts). */
export const UPLOAD_HEADER = 'x-stl-upload';
/** The API's defaults (ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_PER_SECTION), checked here too before sending. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_SECTION = 10;
/** What the file chooser offers; the API decides by the content, not by this. */
export const ATTACHMENT_ACCEPT = 'image/jpeg,image/png,image/webp,application/pdf,.jpg,.jpeg,.png,.webp,.pdf';

export type UploadEvent = { kind: 'progress'; fraction: number } | { kind: 'done'; attachment: Attachment };

/** Evidence attached to an analysis's sections (ADR 0024): upload with progress, removal. */
@Injectable({ providedIn: 'root' })
export class AttachmentApi {
  private readonly gql = inject(GraphqlClient);

  /**
   * Uploads one file to a section of my analysis, reporting progress; failures arrive as ApiError
   * with field problems. XMLHttpRequest, not HttpClient: the app's fetch backend cannot report
   * upload progress. Unsubscribing aborts the upload.
   */
  upload(analysisId: string, section: string, file: File): Observable<UploadEvent> {
    const form = new FormData();
    form.set('analysisId', analysisId);
    form.set('section', section);
    form.set('file', file, file.name);
    return new Observable<UploadEvent>((subscriber) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', FILES_URL);
      xhr.withCredentials = true;
      xhr.setRequestHeader(UPLOAD_HEADER, '1');
      xhr.responseType = 'json';
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable) subscriber.next({ kind: 'progress', fraction: e.loaded / e.total });
      };
      xhr.onerror = () => subscriber.error(ApiError.network());
      xhr.onload = () => {
        const body = xhr.response as { attachment?: Attachment; errors?: GraphqlErrorShape[] } | null;
        if (xhr.status === 201 && body?.attachment) {
          subscriber.next({ kind: 'done', attachment: body.attachment });
          subscriber.complete();
        } else {
          subscriber.error(uploadError(xhr.status, body));
        }
      };
      xhr.send(form);
      return () => {
        if (xhr.readyState !== XMLHttpRequest.DONE) xhr.abort();
      };
    });
  }

  remove(id: string): Observable<RemoveAttachmentMutation> {
    return this.gql.request(RemoveAttachmentDocument, { id });
  }
}

function uploadError(status: number, body: { errors?: GraphqlErrorShape[] } | null): ApiError {
  if (status === 0 || status === 502 || status === 503 || status === 504) return ApiError.network();
  if (body && Array.isArray(body.errors) && body.errors.length) return apiErrorFrom(body.errors[0]);
  if (status === 413) return new ApiError('PAYLOAD_TOO_LARGE', 'The file is too large.');
  return new ApiError('UNKNOWN', `The upload failed (HTTP ${status}).`);
}
