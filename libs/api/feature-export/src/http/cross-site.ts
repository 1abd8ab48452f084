import type { Request } from 'express';
import { ForbiddenError } from '@stl/api/util-errors';

/**
 * A downloaded export is read by the person who asked, never by a page of another site: a GET
 * changes nothing, the session cookie is SameSite=Lax (no cookie on another site's images,
 * scripts or fetches) and CORS lets no other origin read the answer. As a further line, a request
 * the browser marks as made by another site (`Sec-Fetch-Site: cross-site`, e.g. a link planted on
 * another site) is refused; links typed, bookmarked or followed in the web app pass.
 */
export function refuseCrossSite(req: Request): void {
  if (req.get('sec-fetch-site') === 'cross-site') {
    throw new ForbiddenError('Exports are downloaded from the platform itself, not from another site.');
  }
}
