/**
 * The decision-tree node shape of `GET /prediksi/tree-data` (API.md §5), which the client
 * already draws; the server-side renderer takes the same shape so both pictures agree.
 */

/** Achievement classes the renderer knows colours for; other class names still render (in grey). */
export type KnownClass = 'Tinggi' | 'Sedang' | 'Rendah';

export interface InternalTreeNode {
  type: 'internal';
  name: string;
  /** The attribute tested here, e.g. `rata_rata`. */
  attribute: string;
  /** Numeric splits only. */
  threshold?: number;
  /** Human-readable test, e.g. `rata_rata <= 74.5`. */
  condition: string;
  samples: number;
  /** One child per branch, in branch order; nominal splits have one per value. */
  children: TreeChild[];
}

export interface LeafTreeNode {
  type: 'leaf';
  name: string;
  prediction: string;
  /** Share of the leaf's samples in the predicted class, 0–1. */
  confidence: number;
  samples: number;
  /** Samples per class, e.g. `{Tinggi: 12, Sedang: 3, Rendah: 0}`. */
  class_distribution: Readonly<Record<string, number>>;
}

export type TreeNode = InternalTreeNode | LeafTreeNode;

/** A child carries the label of the edge leading to it, e.g. `<= 74.5`, `> 74.5`, `= Tinggi`. */
export type TreeChild = TreeNode & { edge_label: string };
