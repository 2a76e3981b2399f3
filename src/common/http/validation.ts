import {
  type ArgumentMetadata,
  BadRequestException,
  type Type,
  UnprocessableEntityException,
  ValidationPipe,
  type ValidationError,
} from '@nestjs/common';
import type { FieldError } from './problem';

/** Flattens nested class-validator errors into `{field: "profile.nip", message}` pairs. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const message of Object.values(error.constraints ?? {})) out.push({ field, message });
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, field));
  }
  return out;
}

/**
 * Query strings and path parameters are part of the URL: invalid values there are 400 (API.md §1),
 * while an invalid body is 422. Same rules, same error list, different status.
 */
class AppValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Path ids are ParseIdPipe's: global pipes run first, and this pipe's primitive conversion
    // (`+value`) would hand it 16 for `0x10`, hiding the spelling it must refuse.
    if (metadata.type === 'param') return value;
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      if (error instanceof UnprocessableEntityException && metadata.type !== 'body') {
        throw new BadRequestException({ ...(error.getResponse() as object), code: 'INVALID_QUERY' });
      }
      throw error;
    }
  }
}

/**
 * The one set of validation rules: whitelist (unknown keys stripped, the client's whole model is
 * accepted), transform, `errors: [{field, message}]` — 422 for a body, 400 for a query string
 * (AppValidationPipe above). Without `expectedType` this is the global pipe, validating against each
 * parameter's declared class; with it, a route-level pipe for a parameter whose type TypeScript erases
 * (`@ValidBody(Dto)` / `@ValidQuery(Dto)` in validated-params.ts).
 */
export function createValidationPipe(expectedType?: Type<object>): ValidationPipe {
  return new AppValidationPipe({
    expectedType,
    whitelist: true,
    forbidNonWhitelisted: false,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validateCustomDecorators: false,
    exceptionFactory: (errors) => {
      const flat = flattenValidationErrors(errors);
      const detail = flat.map((e) => e.message).join('; ') || 'Validation failed';
      return new UnprocessableEntityException({ detail, code: 'VALIDATION_FAILED', errors: flat });
    },
  });
}
