export * from './cohort-commands.module';
export { CohortCommands } from './cohort-commands.service';
export type {
  CohortActorRule,
  CohortCommandOptions,
  CohortTarget,
  CohortTargetKind,
  CohortWork,
} from './cohort-commands.service';
