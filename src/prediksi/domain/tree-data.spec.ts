import { trainC45, type DatasetSpec } from '../c45';
import type { InternalTreeNode } from '../render/tree-node';
import { toTreeData } from './tree-data';

/** Two well-separated groups whose boundary value has a long decimal expansion. */
function dataset(boundary: number): DatasetSpec {
  const low = [60, 62.5, 65, 66, 68, boundary];
  const high = [80.125, 82, 85, 88, 90, 95];
  const values = [...low, ...high];
  return {
    features: [{ name: 'rata_rata', type: 'numeric', values }],
    target: { name: 'prestasi', values: values.map((v) => (v <= boundary ? 'Rendah' : 'Tinggi')), domain: ['Rendah', 'Tinggi'] },
  };
}

describe('tree-data labels', () => {
  it('keeps the exact threshold and rounds the condition and edge labels to two decimals', () => {
    const boundary = 773 / 11; // 70.272727…
    const root = toTreeData(trainC45(dataset(boundary))) as InternalTreeNode;
    expect(root.type).toBe('internal');
    expect(root.threshold).toBe(boundary);
    expect(root.condition).toBe('rata_rata <= 70.27');
    expect(root.children.map((c) => c.edge_label)).toEqual(['<= 70.27', '> 70.27']);
  });

  it('shows a whole-number threshold without decimals', () => {
    const root = toTreeData(trainC45(dataset(70))) as InternalTreeNode;
    expect(root.threshold).toBe(70);
    expect(root.condition).toBe('rata_rata <= 70');
  });
});
