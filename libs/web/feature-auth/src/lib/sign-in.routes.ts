import type { Routes } from '@angular/router';
import { SignInPage } from './sign-in/sign-in.page';

export const signInRoutes: Routes = [{ path: '', component: SignInPage, title: 'signIn.title' }];
