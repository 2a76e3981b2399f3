import { type ArgumentMetadata, HttpStatus, type Type, ValidationPipe, type ValidationError } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { hasText, type Message, type ParamValue } from '../../i18n/catalogue';
import { DomainException, type FieldError } from './problem';
import { cacheValidationMetadataLookups } from './validation-metadata-cache';

/** A constraint's argument as a message parameter: `IsIn(['L', 'P'])` → "L, P", `Matches(/x/)` → "x". */
function argText(arg: unknown): ParamValue {
  if (typeof arg === 'string' || typeof arg === 'number' || typeof arg === 'boolean') return arg;
  if (Array.isArray(arg)) return arg.map(String);
  if (arg instanceof RegExp) return arg.source;
  return JSON.stringify(arg);
}

/** The arguments the failed constraint was declared with (`Min(1)` → {0: 1}), from class-validator's metadata. */
function constraintArgs(error: ValidationError, constraint: string): Record<string, ParamValue> {
  const target = error.target?.constructor;
  if (!target) return {};
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .find((m) => m.propertyName === error.property && (m.name ?? m.type) === constraint);
  return Object.fromEntries((metadata?.constraints ?? []).map((arg: unknown, i: number) => [String(i), argText(arg)]));
}

/**
 * A field message from the `validation` catalogue: `<property>.<constraint>` when the field has its
 * own wording (e.g. `nis.matches`), else the constraint's (e.g. `min`: "{field} minimal {0}").
 * class-validator's English text is only the fallback for a constraint the catalogue lacks.
 */
export function validationMessage(error: ValidationError, constraint: string, field: string, fallback: string): Message {
  const own = `${error.property}.${constraint}`;
  return {
    ns: 'validation',
    key: hasText('validation', own) ? own : constraint,
    params: { field, ...constraintArgs(error, constraint) },
    fallback,
  };
}

/** Flattens nested class-validator errors into `{field: "profile.nip", message}` pairs. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const [constraint, text] of Object.entries(error.constraints ?? {})) {
      out.push({ field, message: validationMessage(error, constraint, field, text) });
    }
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
      if (error instanceof DomainException && error.code === 'VALIDATION_FAILED' && metadata.type !== 'body') {
        throw new DomainException(HttpStatus.BAD_REQUEST, 'INVALID_QUERY', {}, error.extra);
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
  cacheValidationMetadataLookups();
  return new AppValidationPipe({
    expectedType,
    whitelist: true,
    forbidNonWhitelisted: false,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validateCustomDecorators: false,
    // The target's class is where a failed constraint's arguments are looked up (constraintArgs);
    // it is never sent: errors are mapped to {field, message}.
    validationError: { target: true },
    exceptionFactory: (errors) => new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, 'VALIDATION_FAILED', {}, { errors: flattenValidationErrors(errors) }),
  });
}
