import { type PositionedNode, type TreeLayout, layoutTree } from './tree-layout';
import type { TreeNode } from './tree-node';
import { deepTree, leaf, numericSplit, randomTree, wideTree } from './testing/tree-fixtures';

const spacing = { siblingGap: 16, levelGap: 60 };
// Leaves wider than internal nodes, and a wide slot for long edge labels, to exercise both paths.
const sizeOf = (node: TreeNode, edgeLabel: string | null) => ({
  width: node.type === 'leaf' ? 110 : 130,
  height: node.type === 'leaf' ? 58 : 46,
  slot: edgeLabel !== null && edgeLabel.length > 12 ? 170 : node.type === 'leaf' ? 110 : 130,
});

function overlaps(a: PositionedNode, b: PositionedNode): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function expectTidy(layout: TreeLayout): void {
  const { nodes } = layout;
  const overlapping: string[] = [];
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) if (overlaps(nodes[i], nodes[j])) overlapping.push(`${nodes[i].node.name}/${nodes[j].node.name}`);
  }
  expect(overlapping).toEqual([]);
  for (const p of nodes) {
    expect(p.y).toBe(p.depth * layout.rowHeight);
    expect(p.x).toBeGreaterThanOrEqual(-1e-9);
    expect(p.x + p.width).toBeLessThanOrEqual(layout.width + 1e-9);
    if (p.children.length > 0) {
      const first = p.children[0];
      const last = p.children[p.children.length - 1];
      expect(p.cx).toBeCloseTo((first.cx + last.cx) / 2, 6);
    }
    // Siblings stay in branch order, with at least the gap between their slots.
    for (let k = 1; k < p.children.length; k++) {
      const a = p.children[k - 1];
      const b = p.children[k];
      expect(b.cx - b.slot / 2 - (a.cx + a.slot / 2)).toBeGreaterThanOrEqual(spacing.siblingGap - 1e-9);
    }
  }
  // Same-row slots (box plus edge label room) never touch, even across different parents.
  const byDepth = new Map<number, PositionedNode[]>();
  for (const p of nodes) byDepth.set(p.depth, [...(byDepth.get(p.depth) ?? []), p]);
  for (const row of byDepth.values()) {
    const sorted = [...row].sort((a, b) => a.cx - b.cx);
    for (let k = 1; k < sorted.length; k++) {
      expect(sorted[k].cx - sorted[k].slot / 2 - (sorted[k - 1].cx + sorted[k - 1].slot / 2)).toBeGreaterThanOrEqual(spacing.siblingGap - 1e-9);
    }
  }
}

describe('layoutTree', () => {
  it('places a single leaf at the origin', () => {
    const layout = layoutTree(leaf('Tinggi', 10), sizeOf, spacing);
    expect(layout.nodes).toHaveLength(1);
    expect(layout.root.x).toBe(0);
    expect(layout.width).toBe(110);
    expect(layout.height).toBe(58);
  });

  it('spaces sibling leaves evenly and centres the parent over them', () => {
    const tree = numericSplit('rata_rata', 75, leaf('Rendah', 5), numericSplit('rata_rata', 85, leaf('Sedang', 5), leaf('Tinggi', 5)));
    const layout = layoutTree(tree, sizeOf, spacing);
    expectTidy(layout);
    const [, lowLeaf, mid, midLow, midHigh] = layout.nodes;
    expect(midHigh.cx - midLow.cx).toBe(110 + spacing.siblingGap);
    expect(mid.cx).toBe((midLow.cx + midHigh.cx) / 2);
    expect(lowLeaf.cx).toBeLessThan(mid.cx);
  });

  it.each([
    ['a 30-leaf mixed tree', randomTree(30, 7)],
    ['another 30-leaf mixed tree', randomTree(30, 99)],
    ['a 120-leaf mixed tree', randomTree(120, 3)],
    ['a 15-way nominal split', wideTree(15)],
    ['a 20-level chain', deepTree(20)],
  ])('lays out %s without overlaps', (_name, tree) => {
    expectTidy(layoutTree(tree, sizeOf, spacing));
  });

  it('keeps a deep chain compact instead of spreading every level', () => {
    const layout = layoutTree(deepTree(20), sizeOf, spacing);
    // Each level adds one leaf beside the chain: width grows by about one slot per level, not exponentially.
    expect(layout.width).toBeLessThan(21 * (130 + spacing.siblingGap));
    expect(layout.height).toBe(20 * layout.rowHeight + 58);
  });

  it('gives long edge labels room in their row', () => {
    const tree = numericSplit('rata_rata', 75.123456789, leaf('Rendah', 5), leaf('Tinggi', 5));
    const layout = layoutTree(tree, sizeOf, spacing);
    const [, a, b] = layout.nodes;
    expect(b.cx - a.cx).toBeGreaterThanOrEqual(170 + spacing.siblingGap);
  });
});
