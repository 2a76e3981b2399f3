import { type CallHandler, type ExecutionContext, HttpStatus, Injectable, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { DomainException } from './problem';
import { HTTP_ERRORS } from './http.errors';

/** What @ApiConsumes (Swagger) stores: the OpenAPI document and this check read the same list. */
const API_CONSUMES = 'swagger/apiConsumes';
const DEFAULT_MEDIA_TYPES = ['application/json'];
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * API.md §1: a body in a media type the route does not take → 415, before validation could answer
 * 422 about a body it never read. Routes take JSON unless they declare otherwise with @ApiConsumes
 * (the OAuth2 form of POST /auth/token, multipart uploads). A request without a body needs no type
 * (the client's bearer-only refresh and body-less train); a declared wrong type is refused even when
 * the body is empty.
 */
@Injectable()
export class MediaTypeInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (!BODY_METHODS.has(request.method)) return next.handle();
    const header = request.headers['content-type'];
    const type = header?.split(';')[0]?.trim().toLowerCase();
    if (!type && !hasBody(request)) return next.handle();
    const accepted =
      this.reflector.getAllAndOverride<string[] | undefined>(API_CONSUMES, [context.getHandler(), context.getClass()]) ?? DEFAULT_MEDIA_TYPES;
    if (!type || !accepted.includes(type)) {
      throw new DomainException(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        HTTP_ERRORS.UNSUPPORTED_MEDIA_TYPE,
        { type: type ?? '', accepted: accepted.join(' | ') },
      );
    }
    return next.handle();
  }
}
