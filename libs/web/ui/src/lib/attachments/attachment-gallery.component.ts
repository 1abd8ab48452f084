import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

/** What the gallery shows of one attachment (the API's Attachment type has these fields). */
export interface GalleryAttachment {
  id: string;
  originalName: string;
  contentType: string;
  url: string;
  thumbnailUrl?: string | null;
}

/**
 * Attached evidence as a row of thumbnails: images as small pictures, PDFs as a labelled tile,
 * each a link that opens the file (served only to those who may read it). Nothing when empty.
 */
@Component({
  selector: 'stl-attachment-gallery',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  template: `
    @if (attachments().length) {
      <ul class="gallery" [attr.aria-label]="'attachments.galleryLabel' | transloco">
        @for (a of attachments(); track a.id) {
          <li class="gallery__item" data-testid="attachment">
            <a [href]="a.url" target="_blank" rel="noopener" class="gallery__link">
              @if (a.thumbnailUrl) {
                <!-- The link's text names the file; the picture adds nothing for a screen reader. -->
                <img [src]="a.thumbnailUrl" alt="" loading="lazy" class="gallery__thumb" />
              } @else {
                <span class="gallery__pdf" aria-hidden="true">PDF</span>
              }
              <span class="gallery__name">{{ a.originalName }}</span>
            </a>
          </li>
        }
      </ul>
    }
  `,
  styles: `
    .gallery {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      list-style: none;
      padding: 0;
      margin: 0.5rem 0 0;
    }
    .gallery__item {
      width: 10rem;
    }
    .gallery__link {
      display: grid;
      gap: 0.25rem;
      text-decoration: none;
    }
    .gallery__thumb,
    .gallery__pdf {
      width: 10rem;
      height: 7.5rem;
      object-fit: cover;
      border: 1px solid var(--stl-border);
      border-radius: 0.25rem;
      background: var(--stl-bg);
    }
    .gallery__pdf {
      display: grid;
      place-items: center;
      font-weight: 700;
      font-size: 1.25rem;
    }
    .gallery__name {
      font-size: 0.875rem;
      overflow-wrap: anywhere;
      text-decoration: underline;
    }
  `,
})
export class AttachmentGalleryComponent {
  readonly attachments = input<readonly GalleryAttachment[]>([]);
}
