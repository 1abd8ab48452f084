import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  linkedSignal,
  signal,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  ATTACHMENT_ACCEPT,
  AttachmentApi,
  MAX_ATTACHMENTS_PER_SECTION,
  MAX_ATTACHMENT_BYTES,
  toApiError,
} from '@stl/web/data-access';
import type { Attachment } from '@stl/web/data-access';
import { AttachmentGalleryComponent } from '@stl/web/ui';
import { firstValueFrom, lastValueFrom, tap } from 'rxjs';

/** Problem codes of a refused upload that have a sentence of their own under `attachments.problems`. */
const FILE_PROBLEMS = new Set([
  'FILE_TYPE_NOT_ALLOWED',
  'FILE_TOO_LARGE',
  'FILE_UNREADABLE',
  'TOO_MANY_FILES',
  'UNKNOWN_SECTION',
]);

interface Upload {
  id: number;
  name: string;
  fraction: number;
}

interface Refusal {
  name: string;
  key: string;
}

/**
 * Evidence under one section of the analysis editor (ADR 0024): the files attached to the working
 * copy as thumbnails, a file chooser (images and PDFs), upload progress, refusals in words, removal,
 * and the reminder that no pupil may be recognisable. Files need a saved draft to attach to.
 */
@Component({
  selector: 'stl-section-attachments',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, AttachmentGalleryComponent],
  template: `
    <div class="attachments" [attr.data-section]="sectionKey()">
      @if (items().length) {
        <stl-attachment-gallery [attachments]="items()" />
        <ul class="attachments__remove">
          @for (a of items(); track a.id) {
            <li>
              <button
                type="button"
                class="button"
                [disabled]="removing() === a.id"
                (click)="remove(a)"
                [attr.aria-label]="'attachments.removeNamed' | transloco: { name: a.originalName }"
              >
                {{ 'attachments.remove' | transloco }}
              </button>
              <span class="muted">{{ a.originalName }}</span>
            </li>
          }
        </ul>
        <p class="notice notice--warning" data-testid="attachment-reminder">
          {{ 'attachments.reminder' | transloco }}
        </p>
      }
      @for (u of uploads(); track u.id) {
        <p class="attachments__progress" role="status">
          <label [for]="'upload-' + u.id">{{ 'attachments.uploading' | transloco: { name: u.name } }}</label>
          <progress [id]="'upload-' + u.id" max="1" [value]="u.fraction"></progress>
        </p>
      }
      @for (r of refusals(); track $index) {
        <p class="field__error" role="alert" data-testid="attachment-error">
          {{ r.key | transloco: { name: r.name, max: maxMb, count: maxCount } }}
        </p>
      }
      @if (analysisId()) {
        <label class="attachments__label" [for]="inputId()">
          {{ 'attachments.add' | transloco: { section: sectionTitle() } }}
        </label>
        <p class="field__hint" [id]="inputId() + '-hint'">
          {{ 'attachments.hint' | transloco: { max: maxMb, count: maxCount } }}
        </p>
        <input
          type="file"
          multiple
          [id]="inputId()"
          [accept]="accept"
          [disabled]="full()"
          [attr.aria-describedby]="inputId() + '-hint'"
          (change)="choose($event)"
        />
      } @else {
        <p class="field__hint">{{ 'attachments.saveFirst' | transloco }}</p>
      }
    </div>
  `,
  styles: `
    .attachments {
      display: grid;
      gap: 0.5rem;
      margin-block-start: 0.5rem;
    }
    .attachments__remove {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      gap: 0.25rem;
    }
    .attachments__remove li {
      display: flex;
      gap: 0.5rem;
      align-items: center;
    }
    .attachments__label {
      font-weight: 600;
    }
    .attachments__progress {
      display: flex;
      gap: 0.5rem;
      align-items: center;
      margin: 0;
    }
  `,
})
export class SectionAttachmentsComponent {
  private readonly api = inject(AttachmentApi);

  /** The analysis (null until the draft is first saved). */
  readonly analysisId = input<string | null>(null);
  readonly sectionKey = input.required<string>();
  readonly sectionTitle = input.required<string>();
  /** The working copy's attachments as loaded with the page (any section; this one's are shown). */
  readonly initial = input<readonly Attachment[]>([]);

  protected readonly items = linkedSignal(() =>
    this.initial().filter((a) => a.sectionKey === this.sectionKey()),
  );
  protected readonly uploads = signal<Upload[]>([]);
  protected readonly refusals = signal<Refusal[]>([]);
  protected readonly removing = signal<string | null>(null);
  protected readonly full = computed(
    () => this.items().length + this.uploads().length >= MAX_ATTACHMENTS_PER_SECTION,
  );
  protected readonly inputId = computed(() => `attach-${this.sectionKey()}`);
  protected readonly accept = ATTACHMENT_ACCEPT;
  protected readonly maxMb = MAX_ATTACHMENT_BYTES / 1024 / 1024;
  protected readonly maxCount = MAX_ATTACHMENTS_PER_SECTION;
  private nextUpload = 0;

  protected async choose(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    this.refusals.set([]);
    await Promise.all(files.map((f) => this.send(f)));
  }

  private async send(file: File): Promise<void> {
    const analysisId = this.analysisId();
    if (!analysisId) return;
    if (file.size > MAX_ATTACHMENT_BYTES)
      return this.refuse(file.name, 'attachments.problems.FILE_TOO_LARGE');
    if (this.full()) return this.refuse(file.name, 'attachments.problems.TOO_MANY_FILES');
    const upload: Upload = { id: this.nextUpload++, name: file.name, fraction: 0 };
    this.uploads.update((list) => [...list, upload]);
    const progress = (fraction: number) =>
      this.uploads.update((list) => list.map((u) => (u.id === upload.id ? { ...u, fraction } : u)));
    try {
      const done = await lastValueFrom(
        this.api.upload(analysisId, this.sectionKey(), file).pipe(
          tap((e) => {
            if (e.kind === 'progress') progress(e.fraction);
          }),
        ),
      );
      if (done.kind === 'done') this.items.update((list) => [...list, done.attachment]);
    } catch (e) {
      const error = toApiError(e);
      const code = error.problems[0]?.code;
      this.refuse(
        file.name,
        code && FILE_PROBLEMS.has(code) ? `attachments.problems.${code}` : error.messageKey,
      );
    } finally {
      this.uploads.update((list) => list.filter((u) => u.id !== upload.id));
    }
  }

  protected async remove(a: Attachment): Promise<void> {
    this.removing.set(a.id);
    this.refusals.set([]);
    try {
      await firstValueFrom(this.api.remove(a.id));
      this.items.update((list) => list.filter((x) => x.id !== a.id));
    } catch (e) {
      this.refuse(a.originalName, toApiError(e).messageKey);
    } finally {
      this.removing.set(null);
    }
  }

  private refuse(name: string, key: string): void {
    this.refusals.update((list) => [...list, { name, key }]);
  }
}
