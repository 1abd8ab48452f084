import { Injectable, inject } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { TitleStrategy } from '@angular/router';
import type { RouterStateSnapshot } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';
import { Subscription } from 'rxjs';

/** Route titles are translation keys; the tab title follows the language, e.g. "Hem – STL". */
@Injectable()
export class TranslatedTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly transloco = inject(TranslocoService);
  private subscription = Subscription.EMPTY;

  override updateTitle(snapshot: RouterStateSnapshot): void {
    const key = this.buildTitle(snapshot);
    this.subscription.unsubscribe();
    this.subscription = this.transloco
      .selectTranslate(key ?? 'app.name')
      .subscribe((text: string) => this.title.setTitle(key ? `${text} – STL` : text));
  }
}
