import { TestBed } from '@angular/core/testing';
import { fireEvent, render, screen } from '@testing-library/angular';
import { provideI18nTesting } from '@stl/web/util-i18n/testing';
import { SectionEditorComponent } from './section-editor.component';

async function setup(html = '<p>Eleverna skrev</p>') {
  const changes: string[] = [];
  const view = await render(SectionEditorComponent, {
    providers: [provideI18nTesting('sv')],
    inputs: {
      inputId: 'section-goals',
      labelledBy: 'title-goals',
      describedBy: 'hint-goals',
      sectionTitle: 'Mål för eleverna',
      html,
    },
    on: { htmlChange: (h: string) => changes.push(h) },
  });
  TestBed.tick();
  return { ...view, changes, editable: view.container.querySelector('#section-goals') as HTMLElement };
}

describe('SectionEditorComponent', () => {
  it('is a labelled, described multi-line text box holding the section text', async () => {
    const { editable } = await setup();
    expect(editable.getAttribute('role')).toBe('textbox');
    expect(editable.getAttribute('aria-multiline')).toBe('true');
    expect(editable.getAttribute('aria-labelledby')).toBe('title-goals');
    expect(editable.getAttribute('aria-describedby')).toBe('hint-goals');
    expect(editable.innerHTML).toContain('<p>Eleverna skrev</p>');
    expect(screen.getByText('2 ord')).toBeTruthy();
  });

  it('has a toolbar with one tab stop; arrow keys, Home and End move within it', async () => {
    await setup();
    const toolbar = screen.getByRole('toolbar', { name: 'Formatering av Mål för eleverna' });
    const buttons = Array.from(toolbar.querySelectorAll('button'));
    expect(buttons.map((b) => b.textContent?.trim())).toEqual([
      'Fet',
      'Kursiv',
      'Underrubrik',
      'Punktlista',
      'Numrerad lista',
      'Citat',
      'Länk',
    ]);
    expect(buttons.filter((b) => b.tabIndex === 0)).toEqual([buttons[0]]);
    fireEvent.keyDown(buttons[0], { key: 'ArrowLeft' });
    TestBed.tick();
    expect(document.activeElement).toBe(buttons[6]);
    expect(buttons.filter((b) => b.tabIndex === 0)).toEqual([buttons[6]]);
    fireEvent.keyDown(buttons[6], { key: 'Home' });
    TestBed.tick();
    expect(document.activeElement).toBe(buttons[0]);
    expect(buttons.every((b) => b.getAttribute('aria-pressed') === 'false')).toBe(true);
  });

  it('formats from the toolbar, shows the state as pressed and emits the HTML', async () => {
    const { changes } = await setup();
    const heading = screen.getByRole('button', { name: 'Underrubrik' });
    fireEvent.click(heading);
    TestBed.tick();
    expect(changes.at(-1)).toBe('<h3>Eleverna skrev</h3>');
    expect(heading.getAttribute('aria-pressed')).toBe('true');
  });

  it('takes new text from outside (the other tab’s text was chosen) without emitting it back', async () => {
    const { fixture, changes, editable } = await setup();
    fixture.componentRef.setInput('html', '<ul><li><p>ny</p></li></ul>');
    TestBed.tick();
    expect(editable.innerHTML).toContain('<li><p>ny</p></li>');
    expect(changes).toEqual([]);
  });
});
