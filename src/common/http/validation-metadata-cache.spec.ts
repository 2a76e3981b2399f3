import { IsInt, MetadataStorage, Min, getMetadataStorage, validateSync } from 'class-validator';
import { cacheValidationMetadataLookups } from './validation-metadata-cache';

class Base {
  @IsInt()
  id!: number;
}

class Child extends Base {
  @Min(1)
  jumlah!: number;
}

describe('cacheValidationMetadataLookups', () => {
  it('answers the same rules as class-validator, computed once per class and options', () => {
    const storage = new MetadataStorage();
    for (const m of getMetadataStorage().getTargetValidationMetadatas(Child, '', true, false)) storage.addValidationMetadata(m);
    const uncached = storage.getTargetValidationMetadatas(Child, '', true, false);
    const lookup = jest.spyOn(storage, 'getTargetValidationMetadatas');
    cacheValidationMetadataLookups(storage);
    lookup.mockClear();
    const first = storage.getTargetValidationMetadatas(Child, '', true, false);
    const second = storage.getTargetValidationMetadatas(Child, '', true, false);
    expect(first).toEqual(uncached);
    expect(second).toEqual(uncached);
    expect(second).not.toBe(first); // each caller its own copy
    expect(lookup).toHaveBeenCalledTimes(1);
    storage.getTargetValidationMetadatas(Child, '', false, false);
    expect(lookup).toHaveBeenCalledTimes(2); // other options, other answer
  });

  it('forgets its answers when a rule is added (a class decorated after the first lookup)', () => {
    cacheValidationMetadataLookups();
    class Late {
      nilai!: number;
    }
    expect(getMetadataStorage().getTargetValidationMetadatas(Late, '', true, false)).toHaveLength(0);
    IsInt()(Late.prototype, 'nilai');
    expect(getMetadataStorage().getTargetValidationMetadatas(Late, '', true, false)).toHaveLength(1);
    expect(validateSync(Object.assign(new Late(), { nilai: 'x' })).map((e) => e.property)).toEqual(['nilai']);
  });

  it('keeps validation working through the global storage (installed by createValidationPipe)', () => {
    cacheValidationMetadataLookups();
    cacheValidationMetadataLookups(); // idempotent
    expect(validateSync(Object.assign(new Child(), { id: 1, jumlah: 0 })).map((e) => e.property)).toEqual(['jumlah']);
    expect(validateSync(Object.assign(new Child(), { id: 1.5, jumlah: 2 })).map((e) => e.property)).toEqual(['id']);
  });
});
