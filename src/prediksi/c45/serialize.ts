/**
 * Tree JSON save/load. Every distribution is stored in full (bags, perBag, perClass, total)
 * so a loaded tree prints and classifies bit-for-bit like the trained one (JSON numbers
 * round-trip doubles exactly). `format_version` guards against silently reading another layout.
 */
import type { Attribute, NominalAttribute } from './dataset';
import { Distribution } from './distribution';
import { C45InputError } from './errors';
import type { C45Tree, ResolvedOptions, SplitKind, SplitModel, TreeNode } from './model';
import { resolveOptions } from './model';

export const TREE_FORMAT = 'edupro-c45-tree';
export const TREE_FORMAT_VERSION = 1;

interface DistJson {
  bags: number[][];
  perBag: number[];
  perClass: number[];
  total: number;
}
interface SplitJson {
  attribute: number;
  kind: SplitKind;
  numSubsets: number;
  splitPoint: number | null;
  binary: boolean;
  infoGain: number;
  gainRatio: number;
}
interface NodeJson {
  leaf: boolean;
  empty: boolean;
  dist: DistJson;
  split?: SplitJson;
  children?: NodeJson[];
}
export interface TreeJson {
  format: typeof TREE_FORMAT;
  format_version: number;
  header: { relation: string; attributes: Attribute[]; classAttribute: NominalAttribute };
  options: ResolvedOptions;
  root: NodeJson;
}

function distToJson(d: Distribution): DistJson {
  return { bags: d.bagsAsArrays(), perBag: Array.from(d.perBag), perClass: Array.from(d.perClass), total: d.total };
}

function nodeToJson(n: TreeNode): NodeJson {
  const out: NodeJson = { leaf: n.leaf, empty: n.empty, dist: distToJson(n.dist) };
  if (!n.leaf && n.split && n.children) {
    const s = n.split;
    out.split = {
      attribute: s.attribute,
      kind: s.kind,
      numSubsets: s.numSubsets,
      splitPoint: s.kind === 'nominal' ? null : s.splitPoint,
      binary: s.binary,
      infoGain: s.infoGain,
      gainRatio: s.gainRatio,
    };
    out.children = n.children.map(nodeToJson);
  }
  return out;
}

export function treeToJson(tree: C45Tree): TreeJson {
  return {
    format: TREE_FORMAT,
    format_version: TREE_FORMAT_VERSION,
    header: {
      relation: tree.header.relation,
      attributes: tree.header.attributes.map((a) => (a.kind === 'nominal' ? { kind: a.kind, name: a.name, values: [...a.values] } : { kind: a.kind, name: a.name })),
      classAttribute: { kind: 'nominal', name: tree.header.classAttribute.name, values: [...tree.header.classAttribute.values] },
    },
    options: { ...tree.options },
    root: nodeToJson(tree.root),
  };
}

export function serializeTree(tree: C45Tree): string {
  return JSON.stringify(treeToJson(tree));
}

function bad(msg: string): never {
  throw new C45InputError('INVALID_MODEL', `invalid C4.5 tree JSON: ${msg}`);
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function numArray(v: unknown, len: number, what: string): number[] {
  if (!Array.isArray(v) || v.length !== len || !v.every((x) => typeof x === 'number')) bad(`${what} must be ${len} numbers`);
  return v as number[];
}

function distFromJson(v: unknown, k: number, where: string): Distribution {
  if (!isObj(v) || !Array.isArray(v.bags) || typeof v.total !== 'number') bad(`${where}.dist is malformed`);
  const nb = v.bags.length;
  const bags = v.bags.map((b, i) => numArray(b, k, `${where}.dist.bags[${i}]`));
  return Distribution.fromArrays(bags, numArray(v.perBag, nb, `${where}.dist.perBag`), numArray(v.perClass, k, `${where}.dist.perClass`), v.total);
}

function nodeFromJson(v: unknown, header: TreeJson['header'], where: string): TreeNode {
  if (!isObj(v) || typeof v.leaf !== 'boolean') bad(`${where} is not a node`);
  const k = header.classAttribute.values.length;
  const dist = distFromJson(v.dist, k, where);
  if (v.leaf) return { leaf: true, empty: v.empty === true, split: null, dist, children: null };
  const s = v.split;
  if (!isObj(s) || typeof s.attribute !== 'number' || !Array.isArray(v.children)) bad(`${where} has no valid split/children`);
  const attr = header.attributes[s.attribute];
  if (!attr) bad(`${where}.split.attribute ${String(s.attribute)} is out of range`);
  const kind = s.kind;
  if (kind !== 'numeric' && kind !== 'nominal' && kind !== 'binaryNominal') bad(`${where}.split.kind '${String(kind)}' is unknown`);
  if ((kind === 'numeric') !== (attr.kind === 'numeric')) bad(`${where}.split.kind does not match attribute '${attr.name}'`);
  const numSubsets = kind === 'nominal' && attr.kind === 'nominal' ? attr.values.length : 2;
  if (v.children.length !== numSubsets || dist.numBags !== numSubsets) bad(`${where} must have ${numSubsets} children and bags`);
  const split: SplitModel = {
    attribute: s.attribute,
    kind,
    numSubsets,
    splitPoint: typeof s.splitPoint === 'number' ? s.splitPoint : NaN,
    binary: s.binary === true,
    infoGain: typeof s.infoGain === 'number' ? s.infoGain : 0,
    gainRatio: typeof s.gainRatio === 'number' ? s.gainRatio : 0,
  };
  if (kind !== 'nominal' && Number.isNaN(split.splitPoint)) bad(`${where}.split.splitPoint is missing`);
  const children = v.children.map((c, i) => nodeFromJson(c, header, `${where}.children[${i}]`));
  return { leaf: false, empty: v.empty === true, split, dist, children };
}

export function deserializeTree(input: string | unknown): C45Tree {
  let v: unknown = input;
  if (typeof input === 'string') {
    try {
      v = JSON.parse(input);
    } catch (e) {
      bad(`not JSON (${(e as Error).message})`);
    }
  }
  if (!isObj(v) || v.format !== TREE_FORMAT) bad(`'format' must be '${TREE_FORMAT}'`);
  if (v.format_version !== TREE_FORMAT_VERSION) bad(`unsupported format_version ${String(v.format_version)} (expected ${TREE_FORMAT_VERSION})`);
  const h = v.header;
  if (!isObj(h) || !Array.isArray(h.attributes) || !isObj(h.classAttribute)) bad('header is malformed');
  const attributes = h.attributes.map((a, i): Attribute => {
    if (!isObj(a) || typeof a.name !== 'string') bad(`header.attributes[${i}] is malformed`);
    if (a.kind === 'numeric') return { kind: 'numeric', name: a.name };
    if (a.kind === 'nominal' && Array.isArray(a.values) && a.values.every((x) => typeof x === 'string')) {
      return { kind: 'nominal', name: a.name, values: a.values as string[] };
    }
    return bad(`header.attributes[${i}] has an unknown kind`);
  });
  const ca = h.classAttribute;
  if (typeof ca.name !== 'string' || !Array.isArray(ca.values) || !ca.values.every((x) => typeof x === 'string')) bad('header.classAttribute is malformed');
  const header: TreeJson['header'] = {
    relation: typeof h.relation === 'string' ? h.relation : 'dataset',
    attributes,
    classAttribute: { kind: 'nominal', name: ca.name, values: ca.values as string[] },
  };
  const options = resolveOptions(isObj(v.options) ? (v.options as Partial<ResolvedOptions>) : {});
  return { header, options, root: nodeFromJson(v.root, header, 'root') };
}
