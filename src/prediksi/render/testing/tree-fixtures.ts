/** Synthetic trees in the client's node shape for the renderer's tests and sample images. */
import { createRng, pick, randInt } from '../../demo/prng';
import type { LeafTreeNode, TreeChild, TreeNode } from '../tree-node';

const CLASSES = ['Tinggi', 'Sedang', 'Rendah'] as const;
const NOMINAL = {
  kategori_penghasilan: ['Rendah', 'Menengah', 'Tinggi'],
  kategori_kehadiran: ['Rendah', 'Sedang', 'Tinggi'],
} as const;

let counter = 0;

export function leaf(prediction: string, samples: number, confidence = 0.8): LeafTreeNode {
  const distribution: Record<string, number> = { Tinggi: 0, Sedang: 0, Rendah: 0 };
  const right = Math.round(samples * confidence);
  distribution[prediction] = right;
  const other = CLASSES.find((c) => c !== prediction) ?? 'Sedang';
  distribution[other] = samples - right;
  return { type: 'leaf', name: `leaf_${counter++}`, prediction, confidence, samples, class_distribution: distribution };
}

export function child(node: TreeNode, edgeLabel: string): TreeChild {
  return { ...node, edge_label: edgeLabel };
}

function samplesOf(children: readonly TreeChild[]): number {
  return children.reduce((s, c) => s + c.samples, 0);
}

export function numericSplit(attribute: string, threshold: number, low: TreeNode, high: TreeNode): TreeNode {
  const children = [child(low, `<= ${threshold}`), child(high, `> ${threshold}`)];
  return { type: 'internal', name: `node_${counter++}`, attribute, threshold, condition: `${attribute} <= ${threshold}`, samples: samplesOf(children), children };
}

export function nominalSplit(attribute: string, branches: ReadonlyArray<readonly [string, TreeNode]>): TreeNode {
  const children = branches.map(([value, node]) => child(node, `= ${value}`));
  return { type: 'internal', name: `node_${counter++}`, attribute, condition: `${attribute} = ?`, samples: samplesOf(children), children };
}

/**
 * A random mix of numeric and nominal splits with exactly `leaves` leaves (seeded), so the
 * tests cover uneven subtrees of different depths side by side.
 */
export function randomTree(leaves: number, seed = 1): TreeNode {
  const rng = createRng(seed);
  const grow = (budget: number, depth: number): TreeNode => {
    if (budget === 1) return leaf(pick(rng, CLASSES), randInt(rng, 2, 120), 0.5 + rng() / 2);
    const useNominal = budget >= 3 && rng() < 0.4;
    if (useNominal) {
      const attribute = rng() < 0.5 ? 'kategori_penghasilan' : 'kategori_kehadiran';
      const values = NOMINAL[attribute];
      const shares = splitBudget(budget, values.length);
      return nominalSplit(attribute, values.map((v, i) => [v, grow(shares[i], depth + 1)] as const));
    }
    const left = randInt(rng, 1, budget - 1);
    const threshold = Math.round((60 + rng() * 30) * 10) / 10;
    return numericSplit(depth % 3 === 2 ? 'persentase_kehadiran' : 'rata_rata', threshold, grow(left, depth + 1), grow(budget - left, depth + 1));
  };
  const splitBudget = (budget: number, parts: number): number[] => {
    const shares = new Array<number>(parts).fill(1);
    for (let rest = budget - parts; rest > 0; rest--) shares[randInt(rng, 0, parts - 1)]++;
    return shares;
  };
  return grow(leaves, 0);
}

/** One internal node with `count` nominal children (e.g. a split on a many-valued attribute). */
export function wideTree(count: number): TreeNode {
  return nominalSplit('kelas', Array.from({ length: count }, (_, i) => [`XI IPA ${i + 1}`, leaf(CLASSES[i % 3], 10 + i)] as const));
}

/** A chain `depth` levels deep: each level splits into a leaf and the rest of the chain. */
export function deepTree(depth: number): TreeNode {
  let node: TreeNode = leaf('Tinggi', 5);
  for (let d = depth; d > 0; d--) node = numericSplit('rata_rata', 60 + d, leaf(CLASSES[d % 3], 4 + d), node);
  return node;
}

export function leavesOf(node: TreeNode): LeafTreeNode[] {
  return node.type === 'leaf' ? [node] : node.children.flatMap(leavesOf);
}

export function edgeLabelsOf(node: TreeNode): string[] {
  return node.type === 'leaf' ? [] : node.children.flatMap((c) => [c.edge_label, ...edgeLabelsOf(c)]);
}

export function nodeCount(node: TreeNode): number {
  return node.type === 'leaf' ? 1 : 1 + node.children.reduce((s, c) => s + nodeCount(c), 0);
}
