import type { Extensions } from '@tiptap/core';
import { StarterKit } from '@tiptap/starter-kit';
import {
  RICH_TEXT_HEADING_LEVELS,
  RICH_TEXT_LINK_REL,
  RICH_TEXT_LINK_TARGET,
  isAllowedLink,
} from '@stl/shared/domain';

/**
 * The editor's schema: exactly the shared allowlist (paragraphs, h3/h4, bold, italic, underline,
 * strike, bulleted and numbered lists, blockquote, line breaks, http(s)/mailto links). ProseMirror
 * drops whatever the schema cannot hold, so pasted content can never carry more than the server keeps.
 * Imported only by the editor page's chunk (TipTap must stay out of the start bundle).
 */
export function richTextExtensions(): Extensions {
  return [
    StarterKit.configure({
      code: false,
      codeBlock: false,
      horizontalRule: false,
      // A strict CSP: no plugin that writes style attributes into the page.
      dropcursor: false,
      gapcursor: false,
      heading: { levels: [...RICH_TEXT_HEADING_LEVELS] },
      link: {
        openOnClick: false,
        autolink: true,
        linkOnPaste: true,
        defaultProtocol: 'https',
        isAllowedUri: (url) => isAllowedLink(url),
        shouldAutoLink: (url) => isAllowedLink(url) || isAllowedLink(`https://${url}`),
        HTMLAttributes: { rel: RICH_TEXT_LINK_REL, target: RICH_TEXT_LINK_TARGET, class: null },
      },
    }),
  ];
}
