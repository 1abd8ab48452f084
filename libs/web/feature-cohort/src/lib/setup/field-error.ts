/** A problem found in the browser before anything is sent, or returned by the API for a field. */
export interface FieldError {
  field: string;
  code: string;
}
