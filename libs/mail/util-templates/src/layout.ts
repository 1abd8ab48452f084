import { escapeHtml } from './escape-html';
import type { MailLocale } from './locale';

/**
 * One neutral model of a mail, rendered twice: as HTML and as plain text. Because both come from
 * the same model, the text version carries the same information and the same links by construction.
 */
export interface Link {
  label: string;
  url: string;
}

export interface Fact {
  label: string;
  value: string;
  /** Makes the value a link (e.g. a video link). */
  url?: string;
}

export interface ListItem {
  text: string;
  link?: Link;
}

export type Block =
  | { type: 'paragraph'; text: string }
  | { type: 'subheading'; text: string }
  | { type: 'facts'; items: Fact[] }
  | { type: 'list'; items: ListItem[]; ordered?: boolean }
  | { type: 'table'; caption: string; columns: string[]; rows: string[][] }
  | { type: 'section'; heading: string; blocks: Block[]; action?: Link; note?: Link };

export interface MailDocument {
  locale: MailLocale;
  subject: string;
  brand: string;
  heading: string;
  greeting: string;
  blocks: Block[];
  action: Link;
  actionFallback: string;
  signOff: string;
  /** Account mails (ADR 0013) have no unsubscribe or settings link: they cannot be turned off. */
  footer: { reason: string; unsubscribe?: Link; unsubscribeHint: string; settings?: Link };
}

const COLOR = {
  text: '#1f2937',
  muted: '#4b5563',
  link: '#1d4ed8',
  page: '#f3f4f6',
  card: '#ffffff',
  rule: '#d1d5db',
} as const;
const FONT = 'font-family:Arial,Helvetica,sans-serif;';

const e = escapeHtml;
const multiline = (text: string): string => text.split('\n').map(e).join('<br>');

function htmlLink(link: Link, style = `color:${COLOR.link};text-decoration:underline;`): string {
  return `<a href="${e(link.url)}" style="${style}">${e(link.label)}</a>`;
}

function htmlBlock(block: Block, level: number): string {
  switch (block.type) {
    case 'paragraph':
      return `<p style="margin:0 0 16px;">${multiline(block.text)}</p>`;
    case 'subheading':
      return `<h${level} style="margin:24px 0 8px;font-size:${level === 2 ? 18 : 16}px;line-height:1.3;">${e(block.text)}</h${level}>`;
    case 'facts':
      return (
        `<table role="presentation" cellpadding="0" cellspacing="0" style="margin:0 0 16px;border-collapse:collapse;">` +
        block.items
          .map(
            (f) =>
              `<tr><th scope="row" style="text-align:left;vertical-align:top;padding:4px 16px 4px 0;font-weight:bold;">${e(f.label)}</th>` +
              `<td style="padding:4px 0;">${f.url ? htmlLink({ label: f.value, url: f.url }) : multiline(f.value)}</td></tr>`,
          )
          .join('') +
        `</table>`
      );
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      const items = block.items
        .map((i) => `<li style="margin:0 0 6px;">${i.link ? htmlLink(i.link) : e(i.text)}</li>`)
        .join('');
      return `<${tag} style="margin:0 0 16px;padding-left:24px;">${items}</${tag}>`;
    }
    case 'table': {
      const cell = `padding:6px 8px;border:1px solid ${COLOR.rule};text-align:left;vertical-align:top;`;
      const head = block.columns.map((c) => `<th scope="col" style="${cell}">${e(c)}</th>`).join('');
      const rows = block.rows
        .map(
          (r) =>
            `<tr>${r.map((v, i) => (i === 0 ? `<th scope="row" style="${cell}">${e(v)}</th>` : `<td style="${cell}">${e(v)}</td>`)).join('')}</tr>`,
        )
        .join('');
      return (
        `<table style="margin:0 0 16px;border-collapse:collapse;width:100%;font-size:14px;">` +
        `<caption style="text-align:left;font-weight:bold;padding:0 0 6px;">${e(block.caption)}</caption>` +
        `<thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`
      );
    }
    case 'section':
      return (
        `<h${level} style="margin:28px 0 8px;font-size:${level === 2 ? 20 : 17}px;line-height:1.3;">${e(block.heading)}</h${level}>` +
        block.blocks.map((b) => htmlBlock(b, level + 1)).join('') +
        (block.action ? `<p style="margin:0 0 12px;">${htmlLink(block.action)}</p>` : '') +
        (block.note
          ? `<p style="margin:0 0 16px;font-size:14px;color:${COLOR.muted};">${htmlLink(block.note, `color:${COLOR.muted};text-decoration:underline;`)}</p>`
          : '')
      );
  }
}

export function renderHtml(doc: MailDocument): string {
  const lang = e(doc.locale);
  const button =
    `display:inline-block;background-color:${COLOR.link};color:#ffffff;padding:12px 20px;` +
    'border-radius:4px;font-weight:bold;text-decoration:none;';
  const mutedLink = `color:${COLOR.muted};text-decoration:underline;`;
  const f = doc.footer;
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang}" dir="ltr">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light">',
    `<title>${e(doc.subject)}</title>`,
    '</head>',
    `<body style="margin:0;padding:0;background-color:${COLOR.page};">`,
    `<div role="article" aria-roledescription="email" aria-label="${e(doc.subject)}" lang="${lang}" style="background-color:${COLOR.page};padding:24px 12px;">`,
    `<table role="presentation" cellpadding="0" cellspacing="0" align="center" style="width:100%;max-width:600px;margin:0 auto;background-color:${COLOR.card};border-collapse:collapse;">`,
    `<tr><td style="padding:32px 28px 8px;${FONT}font-size:16px;line-height:1.5;color:${COLOR.text};">`,
    `<p style="margin:0 0 8px;font-size:14px;color:${COLOR.muted};">${e(doc.brand)}</p>`,
    `<h1 style="margin:0 0 20px;font-size:24px;line-height:1.25;">${e(doc.heading)}</h1>`,
    `<p style="margin:0 0 16px;">${e(doc.greeting)}</p>`,
    ...doc.blocks.map((b) => htmlBlock(b, 2)),
    `<p style="margin:24px 0 12px;">${htmlLink(doc.action, button)}</p>`,
    `<p style="margin:0 0 24px;font-size:14px;color:${COLOR.muted};">${e(doc.actionFallback)}<br>${htmlLink({ label: doc.action.url, url: doc.action.url }, `${mutedLink}word-break:break-all;`)}</p>`,
    `<p style="margin:0 0 24px;">${multiline(doc.signOff)}</p>`,
    '</td></tr>',
    `<tr><td style="padding:16px 28px 28px;border-top:1px solid ${COLOR.rule};${FONT}font-size:14px;line-height:1.5;color:${COLOR.muted};">`,
    `<p style="margin:0${f.unsubscribe || f.settings ? ' 0 8px' : ''};">${e(f.reason)}</p>`,
    ...(f.unsubscribe
      ? [`<p style="margin:0 0 8px;">${htmlLink(f.unsubscribe, mutedLink)} (${e(f.unsubscribeHint)})</p>`]
      : []),
    ...(f.settings ? [`<p style="margin:0;">${htmlLink(f.settings, mutedLink)}</p>`] : []),
    '</td></tr>',
    '</table>',
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

const underline = (text: string, ch: string): string => `${text}\n${ch.repeat(Math.min(text.length, 72))}`;
const textLink = (link: Link): string => `${link.label}: ${link.url}`;

function textBlock(block: Block, level: number): string {
  switch (block.type) {
    case 'paragraph':
      return block.text;
    case 'subheading':
      return underline(block.text, level <= 2 ? '-' : '·');
    case 'facts':
      return block.items.map((f) => `${f.label}: ${f.url ? f.url : f.value}`).join('\n');
    case 'list':
      return block.items
        .map((i, n) => {
          const bullet = block.ordered ? `${n + 1}.` : '-';
          return i.link ? `${bullet} ${i.link.label}\n  ${i.link.url}` : `${bullet} ${i.text}`;
        })
        .join('\n');
    case 'table':
      return [
        underline(block.caption, '·'),
        ...block.rows.map((r) =>
          [
            `- ${block.columns[0]}: ${r[0] ?? ''}`,
            ...r.slice(1).map((v, i) => `    ${block.columns[i + 1]}: ${v}`),
          ].join('\n'),
        ),
      ].join('\n');
    case 'section':
      return [
        underline(block.heading, level <= 2 ? '-' : '·'),
        ...block.blocks.map((b) => textBlock(b, level + 1)),
        ...(block.action ? [textLink(block.action)] : []),
        ...(block.note ? [textLink(block.note)] : []),
      ].join('\n\n');
  }
}

export function renderText(doc: MailDocument): string {
  const f = doc.footer;
  return (
    [
      doc.brand,
      underline(doc.heading, '='),
      doc.greeting,
      ...doc.blocks.map((b) => textBlock(b, 2)),
      textLink(doc.action),
      doc.signOff,
      [
        '-- ',
        f.reason,
        ...(f.unsubscribe ? [`${textLink(f.unsubscribe)} (${f.unsubscribeHint})`] : []),
        ...(f.settings ? [textLink(f.settings)] : []),
      ].join('\n'),
    ].join('\n\n') + '\n'
  );
}
