import { bootstrapApplication } from '@angular/platform-browser';
import { App } from './app/app';
import { appConfig } from './app/app.config';

bootstrapApplication(App, appConfig).catch((err: unknown) => {
  // The page cannot start at all: say so in both languages rather than stay blank.
  document.body.textContent =
    'Sidan kunde inte starta. Ladda om sidan. / The page could not start. Reload it.';
  throw err;
});
