import { Injectable, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ReadinessResponseDto } from './health.dto';

/** Something else the app needs before it is ready (e.g. the active model loaded). */
export interface ReadinessCheck {
  name: string;
  check(): Promise<string | undefined>; // undefined = fine; otherwise what is wrong
}

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');

@Injectable()
export class HealthService {
  constructor(
    private readonly dataSource: DataSource,
    @Optional() private readonly extraChecks: ReadinessCheck[] = [],
  ) {}

  async readiness(): Promise<ReadinessResponseDto> {
    const checks: Record<string, string> = {};
    const problems: string[] = [];
    try {
      await this.dataSource.query('SELECT 1');
      checks.database = 'up';
    } catch {
      checks.database = 'down';
      problems.push('database unreachable');
    }
    if (checks.database === 'up') {
      try {
        const pending = await this.dataSource.showMigrations();
        checks.migrations = pending ? 'pending' : 'applied';
        if (pending) problems.push('migrations pending');
      } catch {
        checks.migrations = 'unknown';
        problems.push('could not read migrations');
      }
    }
    for (const extra of this.extraChecks ?? []) {
      const problem = await extra.check().catch((e: unknown) => String(e));
      checks[extra.name] = problem ?? 'ok';
      if (problem) problems.push(`${extra.name}: ${problem}`);
    }
    return problems.length === 0
      ? { status: 'ready', detail: 'All checks passed', checks }
      : { status: 'not_ready', detail: `Not ready: ${problems.join(', ')}`, checks };
  }
}
