import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AdminApi, SessionStore, toApiError } from '@stl/web/data-access';
import type {
  AdminPeopleFilter,
  AdminPerson,
  AdminSchool,
  InvitationStatus,
  Role,
} from '@stl/web/data-access';
import { PageHeaderComponent, StatusBadgeComponent } from '@stl/web/ui';
import { FORMAT_PIPES, LanguageService } from '@stl/web/util-i18n';
import { firstValueFrom } from 'rxjs';
import { AdminBackLinkComponent } from '../shared/back-link.component';
import { ROLES, roleLabelsOf } from './roles';

const PAGE_SIZE = 50;

/** The invitation filter's choices: any, not accepted (pending or expired), or one status. */
export type InvitationChoice = '' | 'NOT_ACCEPTED' | InvitationStatus;

/** The statuses a choice asks the API for; undefined: no invitation filter. */
export function invitationStatusesOf(choice: InvitationChoice): InvitationStatus[] | undefined {
  if (choice === '') return undefined;
  return choice === 'NOT_ACCEPTED' ? ['PENDING', 'EXPIRED'] : [choice];
}

/**
 * Everyone in the organisation, searchable by name or e-mail and filtered by role, school, account
 * and invitation; each row shows the invitation status with a button to invite or send again
 * (ADR 0013).
 */
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
    ...FORMAT_PIPES,
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
  protected readonly invitation = signal<InvitationChoice>('');
  protected readonly lang = inject(LanguageService).lang;
  /** The person whose invitation is being sent, and what the last send said (for role=status). */
  protected readonly inviting = signal<string | null>(null);
  protected readonly inviteNotice = signal<{ key: string; name?: string } | null>(null);

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

  /** Invites the person, or sends a new link to someone who has not accepted (the old link stops working). */
  protected async invite(person: AdminPerson): Promise<void> {
    this.inviting.set(person.id);
    this.inviteNotice.set(null);
    try {
      const updated = await firstValueFrom(
        this.api.invite(person.id, person.invitation !== null && person.invitation !== undefined),
      );
      this.people.update((list) => list?.map((p) => (p.id === updated.id ? updated : p)) ?? null);
      this.inviteNotice.set({ key: 'admin.people.invited', name: person.fullName });
    } catch (e) {
      this.inviteNotice.set({ key: toApiError(e).messageKey });
    } finally {
      this.inviting.set(null);
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
      ...(this.invitation() ? { invitationStatus: invitationStatusesOf(this.invitation()) } : {}),
    };
  }
}
