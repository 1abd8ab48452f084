import type { Composer } from '../kit';
import type { Block, Fact } from '../layout';
import { MAIL_PATHS } from '../links';
import type { AccessibilityReportData } from '../mail-data';

/**
 * An accessibility problem reported from the statement (DOS-lagen: the public body must offer a way
 * to report and answer it). The reporter's words as paragraphs, then who and when; replying to the
 * mail reaches the reporter when they gave an address.
 */
export const composeAccessibilityReport: Composer<AccessibilityReportData> = (d, k) => {
  const t = k.t.accessibilityReport;
  const facts: Fact[] = [{ label: t.reportedAt, value: k.dateTime(d.reportedAt) }];
  if (d.where?.trim()) facts.push({ label: t.where, value: d.where.trim() });
  facts.push({ label: t.reporter, value: d.reporterName?.trim() || t.anonymous });
  facts.push({ label: t.email, value: d.reporterEmail?.trim() || t.noEmail });
  facts.push({ label: t.signedIn, value: d.signedIn ? t.yes : t.no });
  const blocks: Block[] = [
    { type: 'paragraph', text: t.intro({ organisation: d.organisationName }) },
    { type: 'subheading', text: t.descriptionHeading },
    ...d.description
      .trim()
      .split(/\n\s*\n/)
      .map((p): Block => ({ type: 'paragraph', text: p.trim() })),
    { type: 'facts', items: facts },
    { type: 'paragraph', text: d.reporterEmail?.trim() ? t.replyHint : t.noReplyHint },
  ];
  return {
    subject: t.subject({ organisation: d.organisationName }),
    heading: t.heading,
    blocks,
    action: { label: t.action, url: k.link(MAIL_PATHS.accessibilityStatement) },
    reason: t.reason({ organisation: d.organisationName }),
  };
};
