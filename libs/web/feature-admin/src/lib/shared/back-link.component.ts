import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

/** "Tillbaka till administrationen" (or another admin page) above a page heading. */
@Component({
  selector: 'stl-admin-back-link',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslocoPipe],
  template: `<a [routerLink]="to()" class="back-link">{{ label() | transloco }}</a>`,
})
export class AdminBackLinkComponent {
  readonly to = input('/admin');
  readonly label = input('admin.backToAdmin');
}
