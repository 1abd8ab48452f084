import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { TestRequest } from '@angular/common/http/testing';
import { Injectable, inject } from '@angular/core';
import type { EnvironmentProviders, Provider } from '@angular/core';

interface GraphqlBody {
  query: string;
  variables: Record<string, unknown>;
}

/**
 * Component specs answer the web's GraphQL requests at the HTTP boundary, so the real clients and
 * error mapping run: each spec expects the operations a screen should send, checks their
 * variables, and answers with data or errors in the API's shape.
 */
@Injectable()
export class GraphqlTesting {
  private readonly http = inject(HttpTestingController);

  /** The one pending request for this operation (e.g. 'SetupCreateMeeting'); fails if not exactly one. */
  expect(operation: string): GraphqlCall {
    const request = this.http.expectOne(
      (r) => r.method === 'POST' && operationOf(r.body as GraphqlBody) === operation,
      `GraphQL operation ${operation}`,
    );
    return new GraphqlCall(request);
  }

  /** Fails if a request was sent that no spec expected. */
  verify(): void {
    this.http.verify();
  }
}

export class GraphqlCall {
  constructor(private readonly request: TestRequest) {}

  get variables(): Record<string, unknown> {
    return (this.request.request.body as GraphqlBody).variables;
  }

  answer(data: unknown): void {
    this.request.flush({ data });
  }

  /** A refusal as the API sends it: a typed code, field problems and, for some codes, details. */
  refuse(
    code: string,
    problems: { field: string; code: string; message?: string }[] = [],
    details?: Record<string, unknown>,
  ): void {
    this.request.flush({
      errors: [
        {
          message: code,
          extensions: { code, problems: problems.map((p) => ({ message: '', ...p })), details },
        },
      ],
    });
  }
}

function operationOf(body: GraphqlBody): string | null {
  return /^\s*(?:query|mutation)\s+(\w+)/.exec(body.query)?.[1] ?? null;
}

export function provideGraphqlTesting(): (Provider | EnvironmentProviders)[] {
  return [provideHttpClient(), provideHttpClientTesting(), GraphqlTesting];
}
