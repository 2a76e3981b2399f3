/**
 * The client's `tree-data` shape (src/prediksi/render/tree-node.ts) from a trained C4.5 tree.
 * A leaf's prediction is computed exactly as the classifier does for a student whose values are
 * all known (its own distribution; an empty leaf answers with its parent's branch), so walking
 * this tree with a student's features reaches a leaf predicting what POST /prediksi returned.
 */
import type { C45Tree } from '../c45';
import type { C45Header, TreeNode as C45Node } from '../c45/model';
import type { LeafTreeNode, TreeChild, TreeNode } from '../render/tree-node';
import { formatThreshold } from './explanation';

function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** First strict maximum, as Weka's Evaluation picks a class. */
function argmax(values: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

function leafNode(header: C45Header, node: C45Node, parent: C45Node | null, bag: number): LeafTreeNode {
  const classes = header.classAttribute.values;
  const fromParent = node.empty && parent !== null;
  const probs = classes.map((_, c) => (fromParent ? (parent as C45Node).dist.probInBag(c, bag) : node.dist.prob(c)));
  const counts = classes.map((_, c) => (fromParent ? (parent as C45Node).dist.get(bag, c) : node.dist.perClass[c]));
  const best = argmax(probs);
  const class_distribution: Record<string, number> = {};
  classes.forEach((name, c) => (class_distribution[name] = round(counts[c])));
  return {
    type: 'leaf',
    name: classes[best],
    prediction: classes[best],
    confidence: round(probs[best], 4),
    samples: round(node.dist.total),
    class_distribution,
  };
}

/**
 * A threshold as the client's node and edge labels show it: two decimals at most (`70.27`, not
 * `70.27272727`, which overflows the label) as the old API printed it; `threshold` stays exact.
 */
function thresholdLabel(attribute: string, value: number): string {
  return formatThreshold(attribute, Math.round(value * 100) / 100);
}

function edgeLabel(header: C45Header, node: C45Node, i: number): string {
  const split = node.split as NonNullable<C45Node['split']>;
  const attr = header.attributes[split.attribute];
  if (split.kind === 'numeric') return `${i === 0 ? '<=' : '>'} ${thresholdLabel(attr.name, split.splitPoint)}`;
  const values = attr.kind === 'nominal' ? attr.values : [];
  if (split.kind === 'binaryNominal') return `${i === 0 ? '=' : '!='} ${values[split.splitPoint]}`;
  return values[i];
}

function convert(header: C45Header, node: C45Node, parent: C45Node | null, bag: number): TreeNode {
  if (node.leaf || !node.split || !node.children) return leafNode(header, node, parent, bag);
  const split = node.split;
  const attr = header.attributes[split.attribute];
  const numeric = split.kind === 'numeric';
  const children: TreeChild[] = node.children.map((child, i) => ({
    ...convert(header, child, node, i),
    edge_label: edgeLabel(header, node, i),
  }));
  return {
    type: 'internal',
    name: attr.name,
    attribute: attr.name,
    ...(numeric ? { threshold: split.splitPoint } : {}),
    condition: numeric ? `${attr.name} <= ${thresholdLabel(attr.name, split.splitPoint)}` : attr.name,
    samples: round(node.dist.total),
    children,
  };
}

export function toTreeData(tree: C45Tree): TreeNode {
  return convert(tree.header, tree.root, null, 0);
}

/** Every leaf of a client tree, left to right (used by tests and the rules view). */
export function leavesOf(node: TreeNode): LeafTreeNode[] {
  return node.type === 'leaf' ? [node] : node.children.flatMap(leavesOf);
}
