/** J48's printed tree (J48.toString, ClassifierTree.dumpTree, C45Split/BinC45Split labels). */
import type { C45Tree, SplitModel, TreeNode } from './model';
import { countLeaves, countNodes } from './model';
import type { C45Header } from './model';
import { doubleToString, gr, javaDoubleToString, roundDouble } from './weka-utils';

export function branchCondition(header: C45Header, s: SplitModel, i: number): { attribute: string; operator: '<=' | '>' | '=' | '!='; value: string } {
  const attr = header.attributes[s.attribute];
  if (s.kind === 'numeric') {
    // C45Split rounds to 6 decimals; BinC45Split prints the raw double.
    const t = s.binary ? javaDoubleToString(s.splitPoint) : doubleToString(s.splitPoint, 6);
    return { attribute: attr.name, operator: i === 0 ? '<=' : '>', value: t };
  }
  const values = attr.kind === 'nominal' ? attr.values : [];
  if (s.kind === 'binaryNominal') return { attribute: attr.name, operator: i === 0 ? '=' : '!=', value: values[s.splitPoint] };
  return { attribute: attr.name, operator: '=', value: values[i] };
}

function count(x: number): string {
  return javaDoubleToString(roundDouble(x, 2));
}

/** dumpLabel: the class of bag i of the parent's distribution, its weight and its errors. */
function label(header: C45Header, node: TreeNode, i: number): string {
  const d = node.dist;
  let s = `${header.classAttribute.values[d.maxClassInBag(i)]} (${count(d.perBag[i])}`;
  const inc = d.numIncorrectInBag(i);
  if (gr(inc, 0)) s += `/${count(inc)}`;
  return `${s})`;
}

function dumpTree(header: C45Header, node: TreeNode, depth: number, out: string[]): void {
  const children = node.children as TreeNode[];
  const split = node.split as SplitModel;
  for (let i = 0; i < children.length; i++) {
    const c = branchCondition(header, split, i);
    let line = `\n${'|   '.repeat(depth)}${c.attribute} ${c.operator} ${c.value}`;
    if (children[i].leaf) line += `: ${label(header, node, i)}`;
    out.push(line);
    if (!children[i].leaf) dumpTree(header, children[i], depth + 1, out);
  }
}

/**
 * The block J48 prints, from "J48 pruned tree" (or "J48 unpruned tree") through the
 * "Size of the tree" line, with J48's exact spacing and tabs.
 */
export function toJ48Text(tree: C45Tree): string {
  const out: string[] = [tree.options.unpruned ? 'J48 unpruned tree\n------------------\n' : 'J48 pruned tree\n------------------\n'];
  if (tree.root.leaf) out.push(`: ${label(tree.header, tree.root, 0)}`);
  else dumpTree(tree.header, tree.root, 0, out);
  out.push(`\n\nNumber of Leaves  : \t${countLeaves(tree.root)}\n`);
  out.push(`\nSize of the tree : \t${countNodes(tree.root)}\n`);
  return out.join('');
}
