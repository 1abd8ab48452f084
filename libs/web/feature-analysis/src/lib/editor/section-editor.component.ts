import {
  ChangeDetectionStrategy,
  DOCUMENT,
  Component,
  DestroyRef,
  ElementRef,
  ViewEncapsulation,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { Editor } from '@tiptap/core';
import { countWords, normaliseLink, richTextToPlainText } from '@stl/shared/domain';
import { cleanPastedHtml } from '../text/paste';
import { richTextExtensions } from '../text/rich-text-schema';
import { editorHtml } from '../text/rich-text';

/** After typing pauses this long, the word count is updated for screen readers (polite, once). */
const WORD_COUNT_SETTLE_MS = 1500;

interface ToolbarButton {
  id: string;
  label: string;
  shortcut: string;
  active: (e: Editor) => boolean;
  run: (e: Editor) => void;
}

const BUTTONS: readonly ToolbarButton[] = [
  {
    id: 'bold',
    label: 'editor.rte.bold',
    shortcut: 'Control+B',
    active: (e) => e.isActive('bold'),
    run: (e) => e.chain().focus().toggleBold().run(),
  },
  {
    id: 'italic',
    label: 'editor.rte.italic',
    shortcut: 'Control+I',
    active: (e) => e.isActive('italic'),
    run: (e) => e.chain().focus().toggleItalic().run(),
  },
  {
    id: 'heading',
    label: 'editor.rte.heading',
    shortcut: 'Control+Alt+3',
    active: (e) => e.isActive('heading', { level: 3 }),
    run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run(),
  },
  {
    id: 'bullets',
    label: 'editor.rte.bulletList',
    shortcut: 'Control+Shift+8',
    active: (e) => e.isActive('bulletList'),
    run: (e) => e.chain().focus().toggleBulletList().run(),
  },
  {
    id: 'numbers',
    label: 'editor.rte.orderedList',
    shortcut: 'Control+Shift+7',
    active: (e) => e.isActive('orderedList'),
    run: (e) => e.chain().focus().toggleOrderedList().run(),
  },
  {
    id: 'quote',
    label: 'editor.rte.blockquote',
    shortcut: 'Control+Shift+B',
    active: (e) => e.isActive('blockquote'),
    run: (e) => e.chain().focus().toggleBlockquote().run(),
  },
];

/**
 * One section's text in the analysis editor: a TipTap (ProseMirror) editor whose schema is the shared
 * allowlist, a toolbar (one tab stop, arrow keys move within it), a link dialog and a word count.
 * The editable element carries the id, name and description the page gives it, so labels, the error
 * summary and tests reach it as they reached the text box before. Emits HTML ('' when empty).
 */
@Component({
  selector: 'stl-section-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  // The editable DOM is ProseMirror's, not Angular's: its styles cannot be encapsulated.
  encapsulation: ViewEncapsulation.None,
  imports: [TranslocoPipe],
  templateUrl: './section-editor.component.html',
  styleUrl: './section-editor.component.css',
})
export class SectionEditorComponent {
  /** The id of the editable element (the page's labels and error summary point at it). */
  readonly inputId = input.required<string>();
  readonly labelledBy = input.required<string>();
  readonly describedBy = input<string | null>(null);
  readonly invalid = input(false);
  /** The section's title, for the toolbar's and the word count's names. */
  readonly sectionTitle = input.required<string>();
  readonly html = input.required<string>();
  readonly htmlChange = output<string>();

  private readonly document = inject(DOCUMENT);
  protected readonly buttons = BUTTONS;
  private readonly count = viewChild.required<ElementRef<HTMLElement>>('count');
  private readonly toolbar = viewChild.required<ElementRef<HTMLElement>>('toolbar');
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('linkDialog');
  private editor: Editor | null = null;
  private lastEmitted: string | null = null;
  private settle: ReturnType<typeof setTimeout> | null = null;

  /** Bumped on every transaction, so the toolbar's pressed states follow the selection. */
  private readonly tick = signal(0);
  protected readonly focusIndex = signal(0);
  protected readonly pressed = computed(() => {
    this.tick();
    const e = this.editor;
    return Object.fromEntries(BUTTONS.map((b) => [b.id, !!e && b.active(e)]));
  });
  protected readonly linkActive = computed(() => {
    this.tick();
    return !!this.editor?.isActive('link');
  });
  protected readonly words = signal(0);
  /** What the polite live region says: the count once typing has settled. */
  protected readonly settledWords = signal(0);
  protected readonly linkValue = signal('');
  protected readonly linkError = signal(false);
  protected readonly linkEditing = signal(false);

  constructor() {
    afterNextRender(() => this.create());
    effect(() => {
      const html = this.html();
      if (this.editor && html !== this.lastEmitted && html !== editorHtml(this.editor.getHTML())) {
        this.lastEmitted = html;
        this.editor.commands.setContent(html, { emitUpdate: false });
        this.countNow();
      }
    });
    effect(() => {
      const invalid = this.invalid();
      const describedBy = this.describedBy();
      this.editor?.view.dom.setAttribute('aria-invalid', String(invalid));
      if (describedBy) this.editor?.view.dom.setAttribute('aria-describedby', describedBy);
      else this.editor?.view.dom.removeAttribute('aria-describedby');
    });
    inject(DestroyRef).onDestroy(() => {
      if (this.settle) clearTimeout(this.settle);
      this.editor?.destroy();
    });
  }

  private create(): void {
    const describedBy = this.describedBy();
    this.lastEmitted = this.html();
    // Made here rather than in the template: an empty template element would pull one more Angular
    // instruction into the start bundle, and ProseMirror owns this element's content anyway.
    const host = this.document.createElement('div');
    host.className = 'rte__host';
    this.count().nativeElement.before(host);
    this.editor = new Editor({
      element: host,
      extensions: richTextExtensions(),
      content: this.html(),
      // TipTap's injected <style> would break the strict CSP; the component's styles cover it.
      injectCSS: false,
      editorProps: {
        attributes: {
          id: this.inputId(),
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-labelledby': this.labelledBy(),
          ...(describedBy ? { 'aria-describedby': describedBy } : {}),
          'aria-invalid': String(this.invalid()),
          spellcheck: 'true',
          lang: 'sv',
          class: 'rte__content',
        },
        transformPastedHTML: (html) => cleanPastedHtml(html),
      },
      onTransaction: () => this.tick.update((n) => n + 1),
      onUpdate: ({ editor }) => {
        const html = editorHtml(editor.getHTML());
        this.lastEmitted = html;
        this.htmlChange.emit(html);
        this.words.set(countWords(editor.getText()));
        this.scheduleSettle();
      },
    });
    // The editor's own keymap: Mod-k opens the link dialog, as in most word processors.
    this.editor.view.dom.addEventListener('keydown', (event) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        this.openLink();
      }
    });
    this.countNow();
  }

  private countNow(): void {
    const n = countWords(richTextToPlainText(this.html()));
    this.words.set(n);
    this.settledWords.set(n);
  }

  private scheduleSettle(): void {
    if (this.settle) clearTimeout(this.settle);
    this.settle = setTimeout(() => this.settledWords.set(this.words()), WORD_COUNT_SETTLE_MS);
  }

  protected run(button: ToolbarButton, index: number): void {
    this.focusIndex.set(index);
    if (this.editor) button.run(this.editor);
  }

  /** Arrow keys, Home and End move within the toolbar; Tab leaves it (one tab stop). */
  protected onToolbarKey(event: KeyboardEvent): void {
    const items = Array.from(this.toolbar().nativeElement.querySelectorAll<HTMLButtonElement>('button'));
    const last = items.length - 1;
    const current = this.focusIndex();
    const next =
      event.key === 'ArrowRight'
        ? current === last
          ? 0
          : current + 1
        : event.key === 'ArrowLeft'
          ? current === 0
            ? last
            : current - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    this.focusIndex.set(next);
    items[next]?.focus();
  }

  protected openLink(): void {
    const e = this.editor;
    if (!e) return;
    const href = (e.getAttributes('link')['href'] as string | undefined) ?? '';
    this.linkEditing.set(!!href);
    this.linkValue.set(href);
    this.linkError.set(false);
    this.focusIndex.set(BUTTONS.length);
    this.dialog().nativeElement.showModal();
  }

  protected saveLink(event: Event): void {
    event.preventDefault();
    const e = this.editor;
    const href = normaliseLink(this.linkValue());
    if (!e) return;
    if (!href) {
      this.linkError.set(true);
      return;
    }
    this.dialog().nativeElement.close();
    const chain = e.chain().focus().extendMarkRange('link');
    if (e.state.selection.empty && !e.isActive('link')) {
      chain
        .insertContent({
          type: 'text',
          text: href.replace(/^mailto:/, ''),
          marks: [{ type: 'link', attrs: { href } }],
        })
        .run();
    } else {
      chain.setLink({ href }).run();
    }
  }

  protected removeLink(): void {
    this.dialog().nativeElement.close();
    this.editor?.chain().focus().extendMarkRange('link').unsetLink().run();
  }

  protected cancelLink(): void {
    this.dialog().nativeElement.close();
    this.editor?.commands.focus();
  }
}
