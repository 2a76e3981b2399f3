import type { DataSource } from 'typeorm';
import { ReadinessRegistry } from '../../health/health.service';
import { trainC45, treeToJson } from '../c45';
import type { PrediksiModel } from '../model.entity';
import { ModelRegistryService } from './model-registry.service';

function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('ModelRegistryService.reload', () => {
  it('answers a superseded reload with the newer one, never with a stale "no model"', async () => {
    const tree = trainC45({
      features: [{ name: 'x', type: 'numeric', values: [1, 2, 3, 4, 5, 6] }],
      target: { name: 'y', values: ['A', 'A', 'A', 'B', 'B', 'B'] },
    });
    const row = { id: 1, version: 7, isActive: true, tree: treeToJson(tree), cvMetrics: { accuracy: 0.9 } } as unknown as PrediksiModel;
    const queries = [deferred<PrediksiModel | null>(), deferred<PrediksiModel | null>()];
    let call = 0;
    const dataSource = { getRepository: () => ({ findOne: () => queries[call++]!.promise }) } as unknown as DataSource;
    const registry = new ModelRegistryService(dataSource, new ReadinessRegistry());

    const older = registry.reload(); // e.g. the trainer, which read before the commit was visible
    const newer = registry.reload(); // e.g. the activation NOTIFY
    queries[0]!.resolve(null);
    queries[1]!.resolve(row);
    await expect(older).resolves.toMatchObject({ model: { version: 7 } });
    await expect(newer).resolves.toMatchObject({ model: { version: 7 } });
    expect(registry.active()?.model.version).toBe(7);
  });
});
