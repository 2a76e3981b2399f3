import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ReadinessResponseDto } from './health.dto';

/** Something else the app needs before it is ready (e.g. the active model loaded). */
export interface ReadinessCheck {
  name: string;
  check(): Promise<string | undefined>; // undefined = fine; otherwise what is wrong
}

/**
 * Modules add their own readiness conditions here at start-up (e.g. the prediction module: "the
 * active model is loaded"), so the health module needs no import of them.
 */
@Injectable()
export class ReadinessRegistry {
  private readonly checks: ReadinessCheck[] = [];

  register(check: ReadinessCheck): void {
    this.checks.push(check);
  }

  all(): readonly ReadinessCheck[] {
    return this.checks;
  }
}

@Injectable()
export class HealthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: ReadinessRegistry,
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
    for (const extra of this.registry.all()) {
      const problem = await extra.check().catch((e: unknown) => String(e));
      checks[extra.name] = problem ?? 'ok';
      if (problem) problems.push(`${extra.name}: ${problem}`);
    }
    return problems.length === 0
      ? { status: 'ready', detail: 'All checks passed', checks }
      : { status: 'not_ready', detail: `Not ready: ${problems.join(', ')}`, checks };
  }
}
