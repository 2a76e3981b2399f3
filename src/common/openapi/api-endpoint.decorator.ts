import { applyDecorators, HttpCode, type Type } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOperation, ApiResponse, ApiSecurity, getSchemaPath } from '@nestjs/swagger';
import { Public } from '../decorators/public.decorator';
import { Roles } from '../decorators/roles.decorator';
import type { Role } from '../role';
import { ProblemDto } from './problem.dto';

export type ResponseShape = Type<unknown> | [Type<unknown>] | 'binary' | 'none' | Record<string, unknown>;

interface EndpointBase {
  summary: string;
  description?: string;
  /** Success status; 200 unless given (201 for creates, 204 for deletes), applied with HttpCode, POST included. */
  status?: number;
  /** The success body: a DTO class, `[Dto]` for an array, an inline JSON schema, `binary` for files, `none` for 204. */
  response: ResponseShape;
  /** Error statuses besides those every protected route can answer (401, 403, 429 are added automatically). */
  errors?: number[];
  /** MIME type of a binary response (e.g. the xlsx type). */
  produces?: string;
}

export type EndpointOptions = EndpointBase & ({ public: true; roles?: never } | { roles: Role[]; public?: never });

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid query or parameter',
  401: 'Missing, invalid or revoked token',
  403: 'Role not allowed (or, with GURU_SCOPE=class, a write outside the teacher’s subjects or wali kelas)',
  404: 'Not found',
  409: 'Duplicate or conflicting write',
  413: 'Body or file too large',
  415: 'Unsupported media type',
  422: 'Body validation failed',
  429: 'Rate limited',
  500: 'Unexpected error (the body carries an error id to quote)',
  503: 'Not ready (database unreachable or migrations pending)',
};

function successSchema(response: ResponseShape): Record<string, unknown> | undefined {
  if (response === 'none') return undefined;
  if (response === 'binary') return { type: 'string', format: 'binary' };
  if (Array.isArray(response)) return { type: 'array', items: { $ref: getSchemaPath(response[0]) } };
  if (typeof response === 'function') return { $ref: getSchemaPath(response) };
  return response;
}

/**
 * One decorator per route that states, together, who may call it (roles or public) and what the
 * OpenAPI document says about it: summary, success schema, error responses and the auth requirement.
 * A test fails when a route lacks any of these.
 */
export function ApiEndpoint(options: EndpointOptions): MethodDecorator {
  const status = options.status ?? 200;
  const decorators: Array<ClassDecorator | MethodDecorator | PropertyDecorator> = [
    ApiOperation({
      summary: options.summary,
      description: [options.description, options.roles ? `Roles: ${options.roles.join(', ')}.` : 'Public.']
        .filter(Boolean)
        .join('\n\n'),
    }),
    ApiExtraModels(ProblemDto),
  ];
  // The documented status is the one answered: a POST that creates nothing needs no @HttpCode of its own.
  decorators.push(HttpCode(status));
  const modelTypes = Array.isArray(options.response) ? options.response : [options.response];
  for (const model of modelTypes) if (typeof model === 'function') decorators.push(ApiExtraModels(model));

  const schema = successSchema(options.response);
  const produces = options.response === 'binary' ? (options.produces ?? 'application/octet-stream') : 'application/json';
  decorators.push(
    ApiResponse({
      status,
      description: status === 204 ? 'No content' : 'Success',
      ...(schema ? { content: { [produces]: { schema } } } : {}),
    }),
  );

  const errors = new Set([...(options.errors ?? []), 500]);
  if (options.public) {
    decorators.push(Public(), ApiSecurity({}) as MethodDecorator);
  } else {
    decorators.push(Roles(...options.roles), ApiBearerAuth());
    [401, 403, 429].forEach((s) => errors.add(s));
  }
  for (const code of [...errors].sort()) {
    decorators.push(
      ApiResponse({
        status: code,
        description: ERROR_DESCRIPTIONS[code] ?? 'Error',
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDto) } } },
      }),
    );
  }
  return applyDecorators(...decorators);
}
