import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AdminApi, SessionStore, toApiError } from '@stl/web/data-access';
import type { AdminPeopleFilter, AdminPerson, AdminSchool, Role } from '@stl/web/data-access';
import { PageHeaderComponent, StatusBadgeComponent } from '@stl/web/ui';
import { firstValueFrom } from 'rxjs';
import { AdminBackLinkComponent } from '../shared/back-link.component';
import { ROLES, roleLabelsOf } from './roles';

const PAGE_SIZE = 50;

/** Everyone in the organisation, searchable by name or e-mail and filtered by role, school, account. */
@Component({
  selector: 'stl-admin-people-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    RouterLink,
    TranslocoPipe,
    PageHeaderComponent,
    StatusBadgeComponent,
    AdminBackLinkComponent,
  ],
  templateUrl: './people.page.html',
  styleUrls: ['../shared/admin.css'],
})
export class AdminPeoplePage {
  private readonly api = inject(AdminApi);
  private readonly organisationId = inject(SessionStore).viewer()?.organisation?.id ?? '';
  protected readonly roles = ROLES;

  protected readonly search = signal('');
  protected readonly role = signal<Role | ''>('');
  protected readonly schoolId = signal('');
  protected readonly active = signal<'' | 'true' | 'false'>('true');

  protected readonly schools = signal<AdminSchool[]>([]);
  protected readonly people = signal<AdminPerson[] | null>(null);
  protected readonly total = signal(0);
  private readonly cursor = signal<string | null>(null);
  protected readonly hasMore = computed(() => this.cursor() !== null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  private readonly schoolNames = computed(() => new Map(this.schools().map((s) => [s.id, s.name])));

  constructor() {
    firstValueFrom(this.api.schools(this.organisationId)).then(
      ({ schools }) => this.schools.set(schools.nodes),
      () => this.schools.set([]),
    );
    void this.find();
  }

  protected roleLabels(person: AdminPerson) {
    return roleLabelsOf(person.roles, this.schoolNames());
  }

  protected async find(more = false): Promise<void> {
    this.busy.set(true);
    try {
      const { people } = await firstValueFrom(
        this.api.people(this.organisationId, this.filter(), PAGE_SIZE, more ? this.cursor() : null),
      );
      this.people.set(more ? [...(this.people() ?? []), ...people.nodes] : people.nodes);
      this.total.set(people.totalCount);
      this.cursor.set(people.pageInfo.hasNextPage ? (people.pageInfo.endCursor ?? null) : null);
      this.error.set(null);
    } catch (e) {
      this.error.set(toApiError(e).messageKey);
    } finally {
      this.busy.set(false);
    }
  }

  private filter(): AdminPeopleFilter {
    const search = this.search().trim();
    const active = this.active();
    return {
      ...(search ? { search } : {}),
      ...(this.role() ? { role: this.role() as Role } : {}),
      ...(this.schoolId() ? { schoolId: this.schoolId() } : {}),
      ...(active ? { active: active === 'true' } : {}),
    };
  }
}
