import type { Type } from '@nestjs/common';
import { plainToInstance, TransformationType, type TransformFnParams } from 'class-transformer';

/** class-transformer's metadata, as its own plainToInstance reads it (not re-exported from the package root). */
interface TransformStorage {
  getStrategy(target: Type<object>): string;
  getExposedProperties(target: Type<object>, type: TransformationType): string[];
  getExcludedProperties(target: Type<object>, type: TransformationType): string[];
  findExposeMetadataByCustomName(target: Type<object>, name: string): unknown;
  findTypeMetadata(target: Type<object>, property: string): unknown;
  findTransformMetadatas(target: Type<object>, property: string, type: TransformationType): Array<{ transformFn: (params: TransformFnParams) => unknown; options?: { groups?: string[] } }>;
}
// Pinned by test/upload-row-validation.e2e-spec.ts, which compares every result with plainToInstance.
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as { defaultMetadataStorage: TransformStorage };
const { defaultOptions } = require('class-transformer/cjs/constants/default-options.constant') as { defaultOptions: TransformFnParams['options'] };

const PLAIN_TO_CLASS = TransformationType.PLAIN_TO_CLASS;

/** What plainToInstance does with one key of a flat row: skip it, or assign it through these @Transform functions. */
type KeyPlan = { skip: true } | { skip: false; transforms: Array<(params: TransformFnParams) => unknown> } | { fallback: true };

/** Keys planned per DTO at most; an upload's keys are its import columns' fields, a few dozen. */
const MAX_KEYS = 256;

function isPrimitive(value: unknown): boolean {
  return value === null || (typeof value !== 'object' && typeof value !== 'function');
}

/**
 * `plainToInstance(dto, plain)` for a flat row of primitives (what an upload's cells become), with
 * the DTO's @Transform functions looked up once per key instead of on every row: class-transformer
 * allocated 14 KB per 15-field row finding them. Same instance, same key order, same values: a new
 * `dto`, every own key of the row assigned through its transforms (undefined included), keys a
 * getter-only or method of the class skipped. Anything this does not reproduce (a DTO with
 * @Expose/@Exclude, a key with @Type or an exposed name, a value that is an object) is left to
 * plainToInstance itself, for that DTO or that row.
 */
export function compileFlatTransform<C extends object>(dto: Type<C>): (plain: object) => C {
  const storage = defaultMetadataStorage;
  const plain = (row: object): C => plainToInstance(dto, row);
  const usesExposure =
    storage.getStrategy(dto) !== 'none' || storage.getExposedProperties(dto, PLAIN_TO_CLASS).length > 0 || storage.getExcludedProperties(dto, PLAIN_TO_CLASS).length > 0;
  if (usesExposure) return plain;
  const plans = new Map<string, KeyPlan>();
  const planOf = (key: string): KeyPlan => {
    let plan = plans.get(key);
    if (plan) return plan;
    if (storage.findExposeMetadataByCustomName(dto, key) || storage.findTypeMetadata(dto, key) || plans.size >= MAX_KEYS) plan = { fallback: true };
    else if (key === '__proto__' || key === 'constructor') plan = { skip: true };
    else {
      const descriptor = Object.getOwnPropertyDescriptor(dto.prototype, key);
      const transforms = storage
        .findTransformMetadatas(dto, key, PLAIN_TO_CLASS)
        .filter((m) => !m.options || !m.options.groups || !m.options.groups.length)
        .map((m) => m.transformFn);
      plan = descriptor && !descriptor.set ? { skip: true } : { skip: false, transforms };
    }
    if (plans.size < MAX_KEYS) plans.set(key, plan);
    return plan;
  };
  return (row) => {
    const source = row as Record<string, unknown>;
    const keys = Object.keys(source);
    for (const key of keys) if (!isPrimitive(source[key]) || 'fallback' in planOf(key)) return plain(row);
    const instance = new dto() as Record<string, unknown>;
    const options = { ...defaultOptions };
    for (const key of keys) {
      const plan = planOf(key) as Exclude<KeyPlan, { fallback: true }>;
      if (plan.skip || instance[key] instanceof Function) continue;
      let value = source[key];
      for (const transformFn of plan.transforms) value = transformFn({ value, key, obj: source, type: PLAIN_TO_CLASS, options });
      instance[key] = value;
    }
    return instance as C;
  };
}
