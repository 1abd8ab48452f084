import type { ApolloDriverConfig } from '@nestjs/apollo';
import { Kind } from 'graphql';
import type { OperationDefinitionNode } from 'graphql';
import { AuditEventKind, AuditOutcome, AuditTargetType } from '@stl/api/data-access-db';
import { AuditService } from '@stl/api/feature-auth';
import type { RequestContext } from '@stl/api/feature-auth';
import { DomainError, ErrorCode } from '@stl/api/util-errors';

type ApolloServerPlugin<_TContext> = NonNullable<ApolloDriverConfig['plugins']>[number];

/** The schema's names of the root fields behind response keys (an alias is the client's text). */
function rootFieldNames(operation: OperationDefinitionNode | undefined, keys: Set<string>): string[] {
  const names = new Set<string>();
  for (const s of operation?.selectionSet.selections ?? []) {
    if (s.kind !== Kind.FIELD) continue;
    if (keys.has(s.alias?.value ?? s.name.value)) names.add(s.name.value);
  }
  return [...names].sort();
}

/**
 * Refused authorisations in the audit log (issue 12, ADR 0029): one line per GraphQL request in
 * which a signed-in person (or platform operator) was answered FORBIDDEN, whether the AccessGuard
 * or a service's rule refused, naming the operations (schema field names) refused. Anonymous
 * requests are UNAUTHENTICATED, not refused, and NOT_FOUND hides whether a thing exists; neither is
 * logged, so nobody without an account can fill the log.
 */
export function auditRefusalsPlugin(audit: AuditService): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors(context) {
          const refused = context.errors.filter(
            (e) => e.originalError instanceof DomainError && e.originalError.code === ErrorCode.Forbidden,
          );
          const req = (context.contextValue as RequestContext).req;
          const who = req.actor ?? req.operator;
          if (!refused.length || !who) return;
          const keys = new Set(refused.map((e) => String(e.path?.[0] ?? '')));
          const operations = rootFieldNames(context.operation ?? undefined, keys);
          await audit.recordQuietly({
            kind: AuditEventKind.AUTHORISATION_REFUSED,
            outcome: AuditOutcome.REFUSED,
            ...AuditService.by(who),
            target: operations.length ? { type: AuditTargetType.OPERATION, id: operations[0] } : null,
            details: { code: ErrorCode.Forbidden, operations },
          });
        },
      };
    },
  };
}
