import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { type Observable, tap } from 'rxjs';
import { rememberResponseEntity } from './event-recorder';

/**
 * Completes the event of a handled request with what only the handler's result knows: the id of the
 * object it created or returned, when no service recorded a change naming it.
 */
@Injectable()
export class EventContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    return next.handle().pipe(
      tap((body: unknown) => {
        if (body && typeof body === 'object' && !Array.isArray(body) && 'id' in body) {
          rememberResponseEntity(request, (body as { id: unknown }).id);
        }
      }),
    );
  }
}
