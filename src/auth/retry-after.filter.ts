import { type ArgumentsHost, Catch } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ProblemDetailsFilter } from '../common/filters/problem-details.filter';
import { LoginThrottledException } from './auth.service';

/** A throttled login is the global problem+json answer plus `Retry-After` (API.md §1). */
@Catch(LoginThrottledException)
export class RetryAfterFilter extends ProblemDetailsFilter {
  override catch(exception: LoginThrottledException, host: ArgumentsHost): void {
    void host.switchToHttp().getResponse<FastifyReply>().header('Retry-After', String(exception.retryAfterSeconds));
    super.catch(exception, host);
  }
}
