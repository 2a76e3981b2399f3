/** Rules (one per leaf) and the root→leaf path followed by one instance. */
import { branchCondition } from './format';
import type { C45Header, C45Tree, TreeNode } from './model';
import { whichSubset } from './route';

export type ConditionOperator = '<=' | '>' | '=' | '!=';

export interface Condition {
  readonly attribute: string;
  readonly operator: ConditionOperator;
  /** Threshold for numeric tests, the nominal value otherwise. */
  readonly value: number | string;
}

export interface C45Rule {
  readonly conditions: readonly Condition[];
  /** The class J48 prints for this leaf. */
  readonly className: string;
  /** Training weight reaching the leaf and the part of it misclassified (as printed). */
  readonly coverage: number;
  readonly errors: number;
  /** 1 − errors/coverage (0 for an empty leaf). */
  readonly confidence: number;
  /** "IF a <= 5 AND b = x THEN kelas (n/e)". */
  readonly text: string;
}

function condition(header: C45Header, node: TreeNode, i: number): Condition {
  const split = node.split;
  if (!split) throw new Error('condition() on a leaf');
  const c = branchCondition(header, split, i);
  return { attribute: c.attribute, operator: c.operator, value: split.kind === 'numeric' ? split.splitPoint : c.value };
}

function conditionText(header: C45Header, node: TreeNode, i: number): string {
  const c = branchCondition(header, node.split as NonNullable<TreeNode['split']>, i);
  return `${c.attribute} ${c.operator} ${c.value}`;
}

/** Class, weight and errors of branch i as J48 labels it (from the parent's distribution). */
function branchLabel(header: C45Header, parent: TreeNode, i: number): { className: string; coverage: number; errors: number } {
  const d = parent.dist;
  return { className: header.classAttribute.values[d.maxClassInBag(i)], coverage: d.perBag[i], errors: d.numIncorrectInBag(i) };
}

function fmt(x: number): string {
  return String(Math.round(x * 100) / 100);
}

export function toRules(tree: C45Tree): C45Rule[] {
  const { header } = tree;
  const rules: C45Rule[] = [];
  const walk = (node: TreeNode, conds: Condition[], texts: string[]): void => {
    const children = node.children as TreeNode[];
    for (let i = 0; i < children.length; i++) {
      const c = [...conds, condition(header, node, i)];
      const t = [...texts, conditionText(header, node, i)];
      if (!children[i].leaf) {
        walk(children[i], c, t);
        continue;
      }
      const l = branchLabel(header, node, i);
      rules.push(makeRule(c, t, l));
    }
  };
  if (tree.root.leaf) {
    const d = tree.root.dist;
    rules.push(makeRule([], [], { className: header.classAttribute.values[d.maxClass()], coverage: d.total, errors: d.numIncorrect() }));
  } else walk(tree.root, [], []);
  return rules;
}

function makeRule(conditions: Condition[], texts: string[], l: { className: string; coverage: number; errors: number }): C45Rule {
  const errors = l.errors > 1e-6 ? l.errors : 0;
  const lhs = texts.length ? `IF ${texts.join(' AND ')} THEN` : 'ALWAYS';
  const counts = errors > 0 ? `${fmt(l.coverage)}/${fmt(errors)}` : fmt(l.coverage);
  return {
    conditions,
    className: l.className,
    coverage: l.coverage,
    errors,
    confidence: l.coverage > 0 ? 1 - errors / l.coverage : 0,
    text: `${lhs} ${l.className} (${counts})`,
  };
}

export interface PathStep extends Condition {
  /** True when the instance's value was missing and the heaviest branch was followed. */
  readonly missing: boolean;
}

export interface ExplainedPath {
  readonly steps: readonly PathStep[];
  /** The leaf reached: its printed class, training weight and errors. */
  readonly leaf: { readonly className: string; readonly coverage: number; readonly errors: number };
}

/**
 * The branch followed from the root to a leaf. Where the split value is missing the
 * classifier spreads the instance over all branches; for the explanation we follow the
 * heaviest branch (largest training weight, first on ties).
 */
export function explainPath(tree: C45Tree, x: ArrayLike<number>): ExplainedPath {
  const { header } = tree;
  const steps: PathStep[] = [];
  let node = tree.root;
  if (node.leaf) {
    const d = node.dist;
    return { steps, leaf: { className: header.classAttribute.values[d.maxClass()], coverage: d.total, errors: d.numIncorrect() } };
  }
  for (;;) {
    const split = node.split as NonNullable<TreeNode['split']>;
    const children = node.children as TreeNode[];
    let b = whichSubset(split, x[split.attribute]);
    const missing = b < 0;
    if (missing) {
      b = 0;
      for (let i = 1; i < children.length; i++) if (node.dist.perBag[i] > node.dist.perBag[b]) b = i;
    }
    steps.push({ ...condition(header, node, b), missing });
    const child = children[b];
    if (child.leaf) return { steps, leaf: branchLabel(header, node, b) };
    node = child;
  }
}
