import { Module } from '@nestjs/common';
import { CohortCommands } from './cohort-commands.service';

/** Provides CohortCommands to the feature modules that change cohort data (ADR 0012). */
@Module({ providers: [CohortCommands], exports: [CohortCommands] })
export class CohortCommandsModule {}
