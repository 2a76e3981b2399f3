import type { Type } from '@nestjs/common';
import { getMetadataStorage, type ValidationArguments, ValidationError, ValidationTypes, type ValidatorConstraintInterface } from 'class-validator';
import type { FieldError } from './problem';
import { flattenValidationErrors } from './validation';
import { compileFlatTransform } from './validation-transform-compiled';

type Metadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];
type MessageTokens = (message: Metadata['message'] | string, args: ValidationArguments) => string;

// class-validator's own token replacement ($property, $constraint1, $value…), so messages match its
// text exactly; not re-exported from the package root (pinned by validation-compiled.spec.ts).
const { ValidationUtils } = require('class-validator/cjs/validation/ValidationUtils') as {
  ValidationUtils: { replaceMessageSpecialTokens: MessageTokens };
};

/** One constraint of a property, resolved once: its error key and the validator instance that checks it. */
interface Check {
  metadata: Metadata;
  type: string;
  validator: ValidatorConstraintInterface;
}

/** A property's rules in class-validator's order: conditions (IsOptional, ValidateIf-like), then checks. */
interface PropertyPlan {
  property: string;
  conditions: Array<(object: object, value: unknown) => boolean>;
  checks: Check[];
}

/** Rules of a kind this runs exactly as class-validator does; any other kind leaves the DTO to class-validator. */
const COMPILED_TYPES = new Set<string>([
  ValidationTypes.CUSTOM_VALIDATION,
  ValidationTypes.CONDITIONAL_VALIDATION,
  ValidationTypes.IS_DEFINED,
  ValidationTypes.WHITELIST,
]);

function compilable(m: Metadata): boolean {
  return COMPILED_TYPES.has(m.type) && !m.each && !m.validateIf && m.context === undefined;
}

function plansOf(dto: Type<object>): { plans: PropertyPlan[]; allowed: Set<string> } | undefined {
  const storage = getMetadataStorage();
  // The lookup validateSync(object, { whitelist: true, forbidUnknownValues: false }) makes.
  const metadatas = storage.getTargetValidationMetadatas(dto, undefined as unknown as string, false, false, undefined);
  if (metadatas.length === 0 || !metadatas.every(compilable)) return undefined;
  const grouped = storage.groupByPropertyName(metadatas);
  const plans = Object.keys(grouped).map((property): PropertyPlan => {
    const own = grouped[property]!;
    const checking = [
      ...own.filter((m) => m.type === ValidationTypes.IS_DEFINED),
      ...own.filter((m) => m.type === ValidationTypes.CUSTOM_VALIDATION),
    ];
    return {
      property,
      conditions: own.filter((m) => m.type === ValidationTypes.CONDITIONAL_VALIDATION).map((m) => m.constraints[0] as PropertyPlan['conditions'][number]),
      // validateSync skips asynchronous constraints, so they are left out here too.
      checks: checking.flatMap((metadata) =>
        storage
          .getTargetValidatorConstraints(metadata.constraintCls)
          .filter((c) => !c.async)
          .map((c): Check => ({ metadata, type: c.name || metadata.type, validator: c.instance })),
      ),
    };
  });
  return { plans, allowed: new Set(Object.keys(grouped)) };
}

function isPromise(value: unknown): boolean {
  return value !== null && typeof value === 'object' && typeof (value as { then?: unknown }).then === 'function';
}

function failure(check: Check, args: ValidationArguments): string {
  const { metadata, validator } = check;
  let message: Metadata['message'] = metadata.message || '';
  if (!metadata.message && validator.defaultMessage instanceof Function) message = validator.defaultMessage(args);
  return ValidationUtils.replaceMessageSpecialTokens(message, args);
}

/**
 * A DTO's class-validator rules compiled once into a plain function: what
 * `validateSync(instance, { whitelist: true, forbidUnknownValues: false })` does (unknown properties
 * deleted, the same ValidationErrors with the same constraint keys and messages, in the same order),
 * without looking the rules up, grouping them and building an error object per property on every
 * call — per row of a 100,000-row upload, most of its CPU. The decorators stay the one source of the
 * rules: their metadata is read from class-validator's storage and their own validators run. A DTO
 * using a rule of another kind (nested objects, `each`, ValidateIf, contexts) is not compiled
 * (undefined): its caller keeps class-validator for it.
 */
export function compileValidator(dto: Type<object>): ((instance: object) => ValidationError[]) | undefined {
  const compiled = plansOf(dto);
  if (!compiled) return undefined;
  const { plans, allowed } = compiled;
  return (instance) => {
    const object = instance as Record<string, unknown>;
    for (const key of Object.keys(object)) if (!allowed.has(key)) delete object[key];
    const errors: ValidationError[] = [];
    const targetName = object.constructor ? object.constructor.name : (undefined as unknown as string);
    // One arguments object per row, refilled for each check (validators read it synchronously and do
    // not keep it; an error message gets its own copy): ~40 checks a row, 2.5 KB less garbage.
    const args: ValidationArguments = { targetName, property: '', object, value: undefined, constraints: [] };
    for (const { property, conditions, checks } of plans) {
      const value = object[property];
      let applies = true;
      for (const condition of conditions) applies = condition(object, value) && applies;
      if (!applies) continue;
      let constraints: Record<string, string> | undefined;
      args.property = property;
      args.value = value;
      for (const check of checks) {
        args.constraints = check.metadata.constraints;
        const valid = check.validator.validate(value, args);
        // A promise is an asynchronous answer, which validateSync does not wait for.
        if (valid || isPromise(valid)) continue;
        (constraints ??= {})[check.type] = failure(check, { ...args });
      }
      if (constraints) errors.push(Object.assign(new ValidationError(), { target: object, value, property, children: [], constraints }));
    }
    return errors;
  };
}

const compiledInputs = new WeakMap<Type<object>, ((plain: object) => { input: object } | { errors: FieldError[] }) | null>();

/**
 * A request body's validation as the API does it (plainToInstance, then the whitelisting
 * validateSync, errors flattened to `{field, message}`), with the compiled transforms and rules
 * (validation-transform-compiled.ts, compileValidator); undefined for a
 * DTO that compileValidator leaves to class-validator. Compiled once per DTO.
 */
export function compiledInputValidator<C extends object>(dto: Type<C>): ((plain: object) => { input: C } | { errors: FieldError[] }) | undefined {
  let validator = compiledInputs.get(dto);
  if (validator === undefined) {
    const validate = compileValidator(dto);
    const toInstance = compileFlatTransform(dto);
    validator = validate
      ? (plain: object) => {
          const input = toInstance(plain);
          const errors = validate(input);
          return errors.length > 0 ? { errors: flattenValidationErrors(errors) } : { input };
        }
      : null;
    compiledInputs.set(dto, validator);
  }
  return (validator ?? undefined) as ((plain: object) => { input: C } | { errors: FieldError[] }) | undefined;
}
