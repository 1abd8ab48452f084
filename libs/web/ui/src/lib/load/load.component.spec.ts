import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { TestBed } from '@angular/core/testing';
import { render, screen } from '@testing-library/angular';
import { provideI18nTesting } from '@stl/web/util-i18n/testing';
import { Subject } from 'rxjs';
import { LoadDirective, errorKeyOf } from './load';

interface Cohort {
  name: string;
}

/** A page that loads a cohort by id, as the feature pages do. */
@Component({
  selector: 'stl-test-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LoadDirective],
  template: `
    <section *stlLoad="cohort; let c">
      <h1>{{ c.name }}</h1>
      <label>Note <input /></label>
    </section>
  `,
})
class TestPage {
  readonly id = signal('a');
  readonly responses: Subject<Cohort>[] = [];
  readonly cohort = rxResource({
    params: () => this.id(),
    stream: () => {
      const response = new Subject<Cohort>();
      this.responses.push(response);
      return response;
    },
  });
}

/** An error as data-access's ApiError carries it: the key of a sentence. */
class KeyedError extends Error {
  constructor(readonly messageKey: string) {
    super(messageKey);
  }
}

async function setup() {
  const view = await render(TestPage, { providers: [provideI18nTesting()] });
  return { ...view, page: view.fixture.componentInstance };
}

describe('*stlLoad', () => {
  it('says it is loading in a status region until the data arrives, then shows it', async () => {
    const { page, fixture } = await setup();
    expect(screen.getByRole('status').textContent).toContain('Loading …');
    expect(screen.queryByRole('heading')).toBeNull();

    page.responses[0].next({ name: 'STL 2026/27' });
    await fixture.whenStable();

    expect(screen.getByRole('heading', { name: 'STL 2026/27' })).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('holds the reserved height while loading, and lets go once the data arrives', async () => {
    @Component({
      selector: 'stl-test-tall-page',
      changeDetection: ChangeDetectionStrategy.OnPush,
      imports: [LoadDirective],
      template: `<section *stlLoad="cohort; reserve: '100dvh'; let c">{{ c.name }}</section>`,
    })
    class TallPage extends TestPage {}
    const view = await render(TallPage, { providers: [provideI18nTesting()] });
    const state = view.container.querySelector<HTMLElement>('stl-load-state');
    expect(state?.style.minHeight).toBe('100dvh');

    view.fixture.componentInstance.responses[0].next({ name: 'STL 2026/27' });
    await view.fixture.whenStable();
    expect(state?.style.minHeight).toBe('');
  });

  it('reserves nothing unless asked', async () => {
    const { container } = await setup();
    expect(container.querySelector<HTMLElement>('stl-load-state')?.style.minHeight).toBe('');
  });

  it('shows the error’s own sentence in an alert, and tries again when asked', async () => {
    const { page, fixture } = await setup();
    page.responses[0].error(new KeyedError('errors.FORBIDDEN'));
    await fixture.whenStable();

    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('You are not allowed to see or do this.');
    screen.getByRole('button', { name: 'Try again' }).click();
    TestBed.tick(); // still loading: not stable until the new response

    expect(page.responses).toHaveLength(2);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('status').textContent).toContain('Loading …');
    page.responses[1].next({ name: 'STL 2026/27' });
    await fixture.whenStable();
    expect(screen.getByRole('heading', { name: 'STL 2026/27' })).toBeTruthy();
  });

  it('keeps the shown data (and what was typed) while it reloads, marked aria-busy', async () => {
    const { page, fixture, container } = await setup();
    page.responses[0].next({ name: 'First' });
    await fixture.whenStable();
    const note = screen.getByRole('textbox', { name: 'Note' }) as HTMLInputElement;
    note.value = 'typed';

    page.cohort.reload();
    TestBed.tick();
    const region = container.querySelector('stl-load-state');
    expect(region?.getAttribute('aria-busy')).toBe('true');
    expect(screen.getByRole('heading', { name: 'First' })).toBeTruthy();

    page.responses[1].next({ name: 'Second' });
    await fixture.whenStable();
    expect(screen.getByRole('heading', { name: 'Second' })).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'Note' }) as HTMLInputElement).value).toBe('typed');
    expect(region?.getAttribute('aria-busy')).toBeNull();
  });

  it('loads again from scratch when its params change', async () => {
    const { page, fixture } = await setup();
    page.responses[0].next({ name: 'First' });
    await fixture.whenStable();

    page.id.set('b');
    TestBed.tick();
    expect(screen.queryByRole('heading')).toBeNull();
    expect(screen.getByRole('status').textContent).toContain('Loading …');
  });
});

describe('errorKeyOf', () => {
  it('uses the error’s key, or a general sentence for an error without one', () => {
    expect(errorKeyOf(new KeyedError('errors.NETWORK'))).toBe('errors.NETWORK');
    expect(errorKeyOf(new Error('boom'))).toBe('errors.UNKNOWN');
    expect(errorKeyOf(undefined)).toBe('errors.UNKNOWN');
  });
});
