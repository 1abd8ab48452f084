import type { Routes } from '@angular/router';
import { HomePage } from './home/home.page';

export const homeRoutes: Routes = [{ path: '', component: HomePage, title: 'home.title' }];
