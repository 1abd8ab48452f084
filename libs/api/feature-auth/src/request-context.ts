import type { Request, Response } from 'express';
import type { Actor, OperatorActor } from './actor';

/**
 * What every GraphQL resolver gets as context. The session is resolved once per request: to an
 * organisation member (`actor`) or a platform operator (`operator`, ADR 0015), never both.
 */
export interface RequestContext {
  req: Request & { actor?: Actor | null; operator?: OperatorActor | null };
  res: Response;
}
