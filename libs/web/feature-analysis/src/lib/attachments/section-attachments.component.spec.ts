import { render, screen, within } from '@testing-library/angular';
import { ApiError, AttachmentApi } from '@stl/web/data-access';
import type { Attachment, UploadEvent } from '@stl/web/data-access';
import { provideI18nTesting } from '@stl/web/util-i18n/testing';
import axe from 'axe-core';
import { Subject, of, throwError } from 'rxjs';
import { SectionAttachmentsComponent } from './section-attachments.component';

const photo: Attachment = {
  id: 'a1',
  sectionKey: 'evidence',
  originalName: 'elevtext.jpg',
  contentType: 'image/jpeg',
  size: 1000,
  width: 48,
  height: 64,
  url: '/files/a1',
  thumbnailUrl: '/files/a1/thumbnail',
  createdAt: '2026-12-06T08:00:00Z',
};

class FakeAttachments {
  uploads: { analysisId: string; section: string; name: string; events: Subject<UploadEvent> }[] = [];
  removed: string[] = [];
  refuseWith: ApiError | null = null;
  upload = (analysisId: string, section: string, file: File) => {
    if (this.refuseWith) return throwError(() => this.refuseWith);
    const events = new Subject<UploadEvent>();
    this.uploads.push({ analysisId, section, name: file.name, events });
    return events.asObservable();
  };
  remove = (id: string) => {
    this.removed.push(id);
    return of({ removeAttachment: { id } });
  };
}

async function setup(inputs: { analysisId?: string | null; initial?: Attachment[] } = {}) {
  const api = new FakeAttachments();
  const view = await render(SectionAttachmentsComponent, {
    providers: [provideI18nTesting(), { provide: AttachmentApi, useValue: api }],
    inputs: {
      analysisId: inputs.analysisId === undefined ? 'an-1' : inputs.analysisId,
      sectionKey: 'evidence',
      sectionTitle: 'Evidence',
      initial: inputs.initial ?? [],
    },
  });
  return { ...view, api };
}

async function choose(fixture: { whenStable(): Promise<unknown> }, ...files: File[]) {
  const input = screen.getByLabelText(/Attach an image or PDF to/) as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  input.dispatchEvent(new Event('change'));
  await new Promise((r) => setTimeout(r, 0));
  await fixture.whenStable();
}

describe('attachments under a section of the editor', () => {
  it('shows this section’s files as thumbnails with the reminder, and removes one', async () => {
    const other = { ...photo, id: 'a2', sectionKey: 'plan', originalName: 'plan.pdf' };
    const { fixture, api } = await setup({ initial: [photo, other] });
    const gallery = screen.getByRole('list', { name: 'Attached files' });
    expect(
      within(gallery)
        .getAllByRole('link')
        .map((a) => a.textContent?.trim()),
    ).toEqual(['elevtext.jpg']);
    expect(screen.getByTestId('attachment-reminder').textContent).toContain('No pupil may be recognisable');
    expect((await axe.run(fixture.nativeElement)).violations).toEqual([]);

    screen.getByRole('button', { name: 'Remove elevtext.jpg' }).click();
    await fixture.whenStable();
    expect(api.removed).toEqual(['a1']);
    expect(screen.queryByRole('list', { name: 'Attached files' })).toBeNull();
  }, 30_000);

  it('uploads with progress and shows the new file', async () => {
    const { fixture, api } = await setup();
    await choose(fixture, new File(['x'], 'elevtext.jpg', { type: 'image/jpeg' }));
    expect(api.uploads.map((u) => [u.analysisId, u.section, u.name])).toEqual([
      ['an-1', 'evidence', 'elevtext.jpg'],
    ]);
    api.uploads[0].events.next({ kind: 'progress', fraction: 0.5 });
    await fixture.whenStable();
    expect((screen.getByLabelText('Uploading elevtext.jpg') as HTMLProgressElement).value).toBe(0.5);
    api.uploads[0].events.next({ kind: 'done', attachment: photo });
    api.uploads[0].events.complete();
    await new Promise((r) => setTimeout(r, 0));
    await fixture.whenStable();
    expect(screen.queryByLabelText('Uploading elevtext.jpg')).toBeNull();
    expect(screen.getByRole('link', { name: 'elevtext.jpg' }).getAttribute('href')).toBe('/files/a1');
  });

  it('says in words why a file was refused, and refuses a too large one before sending', async () => {
    const { fixture, api } = await setup();
    api.refuseWith = new ApiError('BAD_USER_INPUT', 'no', [
      { field: 'file', code: 'FILE_TYPE_NOT_ALLOWED', message: 'no' },
    ]);
    await choose(fixture, new File(['text'], 'bild.png', { type: 'image/png' }));
    expect(screen.getByRole('alert').textContent).toContain(
      '“bild.png” is not an image (JPEG, PNG, WebP) or a PDF',
    );

    api.refuseWith = null;
    const big = new File(['x'], 'stor.pdf');
    Object.defineProperty(big, 'size', { value: 11 * 1024 * 1024 });
    await choose(fixture, big);
    expect(api.uploads).toEqual([]);
    expect(screen.getByRole('alert').textContent).toContain('“stor.pdf” is larger than 10 MB');
  });

  it('asks for a saved draft before files can be attached', async () => {
    await setup({ analysisId: null });
    expect(screen.queryByLabelText(/Attach an image or PDF to/)).toBeNull();
    expect(screen.getByText(/once the draft is saved you can attach/)).toBeTruthy();
  });
});
