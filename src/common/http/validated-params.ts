import { Body, Query, type Type } from '@nestjs/common';
import { ApiBody, ApiQuery, type ApiQueryOptions, DECORATORS } from '@nestjs/swagger';
import { createValidationPipe } from './validation';

/**
 * For a handler whose parameter type cannot name its DTO — the shared record routes, where a generic
 * `body: C` reaches the runtime as `Object` and the global ValidationPipe would let it through
 * unvalidated — `@ValidBody(Dto)` / `@ValidQuery(Dto)` state the DTO where the parameter is declared:
 * a pipe validates and whitelists against it (the global pipe's options, so the same 422/400) and the
 * OpenAPI document describes it. Elsewhere `@Body() dto: SomeDto` is all a route needs.
 */
export function ValidBody(dto: Type<object>): ParameterDecorator {
  return (target, key, index) => {
    const method = requireErasedType(target, key, index, dto, '@Body()');
    Body(createValidationPipe(dto))(target, key, index);
    ApiBody({ type: dto })(target, method, Object.getOwnPropertyDescriptor(target, method)!);
  };
}

/** The query-string counterpart of ValidBody (invalid values are 400 `INVALID_QUERY`). */
export function ValidQuery(dto: Type<object>): ParameterDecorator {
  return (target, key, index) => {
    const method = requireErasedType(target, key, index, dto, '@Query()');
    Query(createValidationPipe(dto))(target, key, index);
    const descriptor = Object.getOwnPropertyDescriptor(target, method)!;
    for (const parameter of queryParameters(dto)) ApiQuery(parameter)(target, method, descriptor);
  };
}

/**
 * One documented query parameter per DTO property, as @nestjs/swagger lists a `@Query() q: Dto`.
 * (`@ApiQuery({ type: Dto })` would be shorter, but @nestjs/swagger 12 drops each property's `enum`
 * there; and an enum parameter keeps its example only inside its schema.)
 */
function queryParameters(dto: Type<object>): ApiQueryOptions[] {
  const keys = (Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, dto.prototype) ?? []) as string[];
  return keys.map((key) => {
    const name = key.slice(1);
    const property = Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, dto.prototype, name) as Record<string, unknown>;
    if (!property.enum) return { ...property, name } as ApiQueryOptions;
    const { example, default: fallback, ...rest } = property;
    return { ...rest, name, schema: { example, default: fallback } } as ApiQueryOptions;
  });
}

/**
 * The global pipe also sees every parameter, with its declared type: a class (or `Function`, what tsc
 * emits for a type-only import) would be validated a second time, against the wrong class. So the
 * declared type must erase to `Object` (a type parameter, `Partial<C>`); with a class, use the plain
 * decorator and let the global pipe do it. Checked once, when the class is declared.
 */
function requireErasedType(target: object, key: string | symbol | undefined, index: number, dto: Type<object>, plain: string): string | symbol {
  if (key === undefined) throw new Error(`@Valid…(${dto.name}) decorates a method parameter, not a constructor parameter`);
  const declared = (Reflect.getMetadata('design:paramtypes', target, key) as unknown[] | undefined)?.[index];
  if (declared !== undefined && declared !== Object) {
    const name = typeof declared === 'function' ? declared.name : String(declared);
    throw new Error(
      `${String(key)}(): parameter ${index} is declared as ${name}, which the global pipe would validate too; ` +
        `declare it with a type parameter, or use ${plain} with the DTO class as its type`,
    );
  }
  return key;
}
