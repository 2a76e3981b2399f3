/**
 * Tidy top-down tree layout (Reingold–Tilford style): each subtree is laid out on its own, then
 * siblings are pushed apart just far enough that their contours (leftmost and rightmost extent
 * per depth) keep `siblingGap` between them, and every parent is centred over its first and
 * last child. Rows share one height, so edges and labels line up across the drawing.
 * Boxes never overlap: at every depth the contours of neighbouring subtrees are separated.
 */
import type { TreeNode } from './tree-node';

export interface NodeSize {
  width: number;
  height: number;
  /** Horizontal room the node needs in its row; at least `width`, wider when its edge label is. */
  slot: number;
}

export interface PositionedNode {
  node: TreeNode;
  /** Label of the edge from the parent; null for the root. */
  edgeLabel: string | null;
  depth: number;
  /** Box left and top, in layout coordinates (the tree's bounding box starts at 0, 0). */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Box centre x. */
  cx: number;
  slot: number;
  parent: PositionedNode | null;
  children: PositionedNode[];
}

export interface TreeLayout {
  root: PositionedNode;
  /** Every node, parents before children, children left to right. */
  nodes: PositionedNode[];
  width: number;
  height: number;
  /** Distance between the tops of two consecutive rows. */
  rowHeight: number;
  /** Height of the tallest box; every row reserves this much. */
  boxHeight: number;
}

export interface LayoutSpacing {
  siblingGap: number;
  levelGap: number;
}

/** Left and right extent per depth (index 0 = the subtree root), relative to the root's centre. */
interface Contour {
  left: number[];
  right: number[];
}

interface Draft {
  pos: PositionedNode;
  /** Centre relative to the parent's centre. */
  offset: number;
  drafts: Draft[];
}

function build(node: TreeNode, edgeLabel: string | null, depth: number, parent: PositionedNode | null, sizeOf: (node: TreeNode, edgeLabel: string | null) => NodeSize): PositionedNode {
  const size = sizeOf(node, edgeLabel);
  const pos: PositionedNode = {
    node, edgeLabel, depth, x: 0, y: 0, cx: 0, width: size.width, height: size.height,
    slot: Math.max(size.slot, size.width), parent, children: [],
  };
  if (node.type === 'internal') {
    pos.children = node.children.map((child) => build(child, child.edge_label, depth + 1, pos, sizeOf));
  }
  return pos;
}

function place(pos: PositionedNode, gap: number): { draft: Draft; contour: Contour } {
  const half = pos.slot / 2;
  if (pos.children.length === 0) return { draft: { pos, offset: 0, drafts: [] }, contour: { left: [-half], right: [half] } };

  const drafts: Draft[] = [];
  // The accumulated contour of the children placed so far, relative to the first child's centre.
  const acc: Contour = { left: [], right: [] };
  for (const child of pos.children) {
    const { draft, contour } = place(child, gap);
    let offset = 0;
    if (drafts.length > 0) {
      offset = -Infinity;
      const shared = Math.min(acc.right.length, contour.left.length);
      for (let d = 0; d < shared; d++) offset = Math.max(offset, acc.right[d] + gap - contour.left[d]);
    }
    draft.offset = offset;
    drafts.push(draft);
    for (let d = 0; d < contour.left.length; d++) {
      // The first subtree reaching a depth defines its left edge; later ones only extend the right.
      if (d >= acc.left.length) acc.left.push(offset + contour.left[d]);
      acc.right[d] = offset + contour.right[d];
    }
  }
  const centre = (drafts[0].offset + drafts[drafts.length - 1].offset) / 2;
  for (const draft of drafts) draft.offset -= centre;
  return {
    draft: { pos, offset: 0, drafts },
    contour: {
      left: [-half, ...acc.left.map((x) => x - centre)],
      right: [half, ...acc.right.map((x) => x - centre)],
    },
  };
}

function assign(draft: Draft, parentCx: number, rowHeight: number, out: PositionedNode[]): void {
  const pos = draft.pos;
  pos.cx = parentCx + draft.offset;
  pos.x = pos.cx - pos.width / 2;
  pos.y = pos.depth * rowHeight;
  out.push(pos);
  for (const child of draft.drafts) assign(child, pos.cx, rowHeight, out);
}

export function layoutTree(root: TreeNode, sizeOf: (node: TreeNode, edgeLabel: string | null) => NodeSize, spacing: LayoutSpacing): TreeLayout {
  const rootPos = build(root, null, 0, null, sizeOf);
  const { draft, contour } = place(rootPos, spacing.siblingGap);
  const nodes: PositionedNode[] = [];
  let boxHeight = 0;
  const collectHeights = (p: PositionedNode): void => {
    boxHeight = Math.max(boxHeight, p.height);
    p.children.forEach(collectHeights);
  };
  collectHeights(rootPos);
  const rowHeight = boxHeight + spacing.levelGap;
  // Shift so the leftmost slot of any depth starts at x = 0.
  const minLeft = Math.min(...contour.left);
  const maxRight = Math.max(...contour.right);
  assign(draft, -minLeft, rowHeight, nodes);
  return {
    root: rootPos,
    nodes,
    width: maxRight - minLeft,
    height: contour.left.length * rowHeight - spacing.levelGap,
    rowHeight,
    boxHeight,
  };
}
