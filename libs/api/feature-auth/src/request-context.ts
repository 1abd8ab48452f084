import type { Request, Response } from 'express';
import type { Actor } from './actor';

/** What every GraphQL resolver gets as context. The actor is resolved once per request. */
export interface RequestContext {
  req: Request & { actor?: Actor | null };
  res: Response;
}
