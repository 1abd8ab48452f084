import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';

// The app runs zoneless (signals and OnPush); component specs run the same way.
setupZonelessTestEnv();
