import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Public, PublicAcceptingInput, SignedIn, clientAddress } from '@stl/api/feature-auth';
import type { Actor, RequestContext } from '@stl/api/feature-auth';
import { ParseIdPipe } from '@stl/api/util-graphql';
import {
  AccessibilityContactModel,
  AccessibilityReportOrganisationModel,
  AccessibilityReportReceiptModel,
  ReportAccessibilityProblemInput,
  SetAccessibilityContactInput,
} from './accessibility.models';
import { AccessibilityReportService } from './accessibility-report.service';

/** The accessibility statement's report form (issue 12) and who receives its reports. */
@Resolver()
export class AccessibilityReportResolver {
  constructor(private readonly reports: AccessibilityReportService) {}

  @Query(() => [AccessibilityReportOrganisationModel], {
    description:
      'Public: every organisation on the platform (name and slug), for a signed-out reporter to choose whom to report an accessibility problem to.',
  })
  @Public()
  accessibilityReportOrganisations(): Promise<AccessibilityReportOrganisationModel[]> {
    return this.reports.organisations();
  }

  @Mutation(() => AccessibilityReportReceiptModel, {
    description:
      "Public: reports an accessibility problem to an organisation (DOS-lagen). Signed in, it goes to the person's own organisation; signed out, to organisationSlug's. Mailed (through the outbox) to the organisation's accessibility contact, else its administrators, with the reporter's e-mail as Reply-To; nothing else is stored. BAD_USER_INPUT with problems (description too short or long, e-mail not valid, organisationSlug missing or unknown), TOO_MANY_ATTEMPTS (details.retryAfterSeconds) after 20 reports from one address within the hour, NOT_FOUND when the organisation has nobody to receive reports.",
  })
  @PublicAcceptingInput()
  reportAccessibilityProblem(
    @Args('input', { description: 'The problem, where it is, and optionally who reports it.' })
    input: ReportAccessibilityProblemInput,
    @Context() ctx: RequestContext,
  ): Promise<AccessibilityReportReceiptModel> {
    return this.reports.report(input, ctx.req.actor ?? null, clientAddress(ctx.req));
  }

  @Query(() => AccessibilityContactModel, {
    description:
      "Who receives the organisation's accessibility reports. Administrators of the organisation only (FORBIDDEN otherwise, NOT_FOUND for another organisation).",
  })
  @SignedIn()
  accessibilityContact(
    @Args('organisationId', { type: () => ID, description: 'The organisation.' }, ParseIdPipe)
    organisationId: string,
    @CurrentActor() actor: Actor,
  ): Promise<AccessibilityContactModel> {
    return this.reports.contact(actor, organisationId);
  }

  @Mutation(() => AccessibilityContactModel, {
    description:
      "Names the person who receives the organisation's accessibility reports, by e-mail, or nobody (then its administrators do). Administrators of the organisation only (FORBIDDEN otherwise, NOT_FOUND for another organisation). BAD_USER_INPUT with NOT_FOUND on email when no active person of the organisation has the address.",
  })
  @SignedIn()
  setAccessibilityContact(
    @Args('input', { description: 'The organisation and the e-mail address of the contact, or null.' })
    input: SetAccessibilityContactInput,
    @CurrentActor() actor: Actor,
  ): Promise<AccessibilityContactModel> {
    return this.reports.setContact(actor, input);
  }
}
