/**
 * Server-side drawing of a C4.5 tree as a standalone SVG string: no DOM, no browser. Text is
 * XML-escaped; sizes come from text-width estimates (see text-metrics.ts) so nothing clips.
 */
import { type PositionedNode, type TreeLayout, layoutTree } from './tree-layout';
import type { LeafTreeNode, TreeNode } from './tree-node';
import { textWidth, truncate } from './text-metrics';
import {
  CLASS_ORDER, EDGE_COLOR, EDGE_LABEL_BORDER, FONT_FAMILY, INTERNAL_COLORS, MUTED_TEXT, SIZES, TITLE_TEXT,
  attributeLabel, classColors,
} from './tree-style';

export interface TreeSvgOptions {
  /** Heading above the tree; default `Pohon Keputusan C4.5 — Prediksi Prestasi Siswa`. */
  title?: string;
  /** Smaller line under the title, e.g. model version and accuracy. */
  subtitle?: string;
  /** Display names per attribute, overriding the built-in ones (`rata_rata` → `Rata-rata nilai`). */
  attributeLabels?: Readonly<Record<string, string>>;
}

export const DEFAULT_TITLE = 'Pohon Keputusan C4.5 — Prediksi Prestasi Siswa';

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch] ?? ch);
}

/** Coordinates with at most one decimal keep the file small and diff-friendly. */
function n(x: number): string {
  return String(Math.round(x * 10) / 10);
}

function formatCount(samples: number): string {
  return Number.isInteger(samples) ? String(samples) : samples.toFixed(1);
}

/** Confidence is 0–1 in the API; a value above 1 is taken as already being a percentage. */
function formatPercent(confidence: number): string {
  const pct = confidence > 1 ? confidence : confidence * 100;
  return `${pct.toFixed(1)}%`;
}

interface NodeText {
  main: string;
  detail: string;
}

function nodeText(node: TreeNode, options: TreeSvgOptions): NodeText {
  if (node.type === 'internal') {
    return { main: truncate(attributeLabel(node.attribute, options.attributeLabels), SIZES.maxLabelChars), detail: `n = ${formatCount(node.samples)}` };
  }
  return { main: truncate(node.prediction, SIZES.maxLabelChars), detail: `${formatPercent(node.confidence)} · n = ${formatCount(node.samples)}` };
}

function edgeLabelWidth(label: string): number {
  return textWidth(truncate(label, SIZES.maxLabelChars), SIZES.edgeLabel) + 2 * SIZES.edgeLabelPaddingX;
}

function sizeOf(options: TreeSvgOptions): (node: TreeNode, edgeLabel: string | null) => { width: number; height: number; slot: number } {
  return (node, edgeLabel) => {
    const t = nodeText(node, options);
    const leaf = node.type === 'leaf';
    const content = Math.max(textWidth(t.main, SIZES.titleLine, true), textWidth(t.detail, SIZES.detailLine));
    const width = Math.ceil(Math.max(leaf ? SIZES.minLeafWidth : SIZES.minInternalWidth, content + 2 * SIZES.boxPaddingX));
    const slot = edgeLabel === null ? width : Math.max(width, edgeLabelWidth(edgeLabel) + 8);
    return { width, height: leaf ? SIZES.leafHeight : SIZES.internalHeight, slot };
  };
}

function distributionTooltip(leaf: LeafTreeNode): string {
  return Object.entries(leaf.class_distribution).map(([cls, count]) => `${cls}: ${formatCount(count)}`).join(', ');
}

/** The leaf's class mix as a thin stacked bar, best class first, so impure leaves stand out. */
function distributionBar(leaf: LeafTreeNode, x: number, y: number, width: number): string {
  const entries = Object.entries(leaf.class_distribution).filter(([, c]) => c > 0);
  const order = (cls: string): number => {
    const i = (CLASS_ORDER as readonly string[]).indexOf(cls);
    return i === -1 ? CLASS_ORDER.length : i;
  };
  entries.sort((a, b) => order(a[0]) - order(b[0]));
  const total = entries.reduce((s, [, c]) => s + c, 0);
  if (total <= 0) return '';
  const parts = [`<rect x="${n(x)}" y="${n(y)}" width="${n(width)}" height="5" rx="2" fill="#ffffff" stroke="#d5dae2" stroke-width="0.5"/>`];
  let cursor = x;
  for (const [cls, count] of entries) {
    const w = (count / total) * width;
    parts.push(`<rect x="${n(cursor)}" y="${n(y)}" width="${n(w)}" height="5" fill="${classColors(cls).stroke}"/>`);
    cursor += w;
  }
  return parts.join('');
}

function drawNode(p: PositionedNode, ox: number, oy: number, options: TreeSvgOptions): string {
  const t = nodeText(p.node, options);
  const x = ox + p.x;
  const y = oy + p.y;
  const cx = ox + p.cx;
  const colors = p.node.type === 'leaf' ? classColors(p.node.prediction) : INTERNAL_COLORS;
  const kind = p.node.type === 'leaf' ? 'leaf' : 'internal';
  const tooltip = p.node.type === 'leaf' ? `${p.node.name}: ${distributionTooltip(p.node)}` : `${p.node.name}: ${p.node.condition}`;
  const out = [
    `<g class="node ${kind}">`,
    `<title>${escapeXml(tooltip)}</title>`,
    `<rect class="node-box" x="${n(x)}" y="${n(y)}" width="${n(p.width)}" height="${n(p.height)}" rx="${SIZES.cornerRadius}" fill="${colors.fill}" stroke="${colors.stroke}" stroke-width="${kind === 'leaf' ? 1.6 : 1.3}"/>`,
  ];
  const mainY = y + (kind === 'leaf' ? 21 : 19);
  out.push(`<text x="${n(cx)}" y="${n(mainY)}" text-anchor="middle" font-size="${SIZES.titleLine}" font-weight="bold" fill="${colors.text}">${escapeXml(t.main)}</text>`);
  out.push(`<text x="${n(cx)}" y="${n(mainY + 17)}" text-anchor="middle" font-size="${SIZES.detailLine}" fill="${kind === 'leaf' ? colors.text : MUTED_TEXT}">${escapeXml(t.detail)}</text>`);
  if (p.node.type === 'leaf') out.push(distributionBar(p.node, x + 10, y + p.height - 12, p.width - 20));
  out.push('</g>');
  return out.join('');
}

/** Elbow connector: down from the parent, across at mid-gap, down into the child. */
function drawEdge(parent: PositionedNode, child: PositionedNode, ox: number, oy: number): string {
  const top = oy + parent.y + parent.height;
  const childTop = oy + child.y;
  const midY = oy + parent.y + parent.height + (childTop - (oy + parent.y + parent.height)) * 0.28;
  const px = ox + parent.cx;
  const cx = ox + child.cx;
  const r = Math.min(6, Math.abs(cx - px) / 2);
  const dir = Math.sign(cx - px);
  const d = dir === 0
    ? `M${n(px)} ${n(top)}V${n(childTop)}`
    : `M${n(px)} ${n(top)}V${n(midY - r)}Q${n(px)} ${n(midY)} ${n(px + dir * r)} ${n(midY)}H${n(cx - dir * r)}Q${n(cx)} ${n(midY)} ${n(cx)} ${n(midY + r)}V${n(childTop)}`;
  return `<path d="${d}" fill="none" stroke="${EDGE_COLOR}" stroke-width="1.4"/>`;
}

/** The edge label sits on the child's vertical stub, below the shared horizontal bar. */
function drawEdgeLabel(child: PositionedNode, ox: number, oy: number, layout: TreeLayout): string {
  const label = truncate(child.edgeLabel ?? '', SIZES.maxLabelChars);
  const w = edgeLabelWidth(label);
  const h = SIZES.edgeLabelHeight;
  const gapTop = oy + child.y - (layout.rowHeight - layout.boxHeight);
  const cy = gapTop + (layout.rowHeight - layout.boxHeight) * 0.64;
  const x = ox + child.cx - w / 2;
  return (
    `<g class="edge-label"><rect x="${n(x)}" y="${n(cy - h / 2)}" width="${n(w)}" height="${h}" rx="${h / 2}" fill="#ffffff" stroke="${EDGE_LABEL_BORDER}"/>` +
    `<text x="${n(ox + child.cx)}" y="${n(cy + 4)}" text-anchor="middle" font-size="${SIZES.edgeLabel}" fill="${TITLE_TEXT}">${escapeXml(label)}</text></g>`
  );
}

interface LegendItem {
  label: string;
  fill: string;
  stroke: string;
}

function legendItems(): LegendItem[] {
  return [
    ...CLASS_ORDER.map((cls) => ({ label: `Prestasi ${cls}`, fill: classColors(cls).fill, stroke: classColors(cls).stroke })),
    { label: 'Node keputusan (atribut, n = jumlah data)', fill: INTERNAL_COLORS.fill, stroke: INTERNAL_COLORS.stroke },
  ];
}

function legendWidth(items: LegendItem[]): number {
  return items.reduce((s, it) => s + 22 + textWidth(it.label, 11.5) + 18, 0);
}

function drawLegend(items: LegendItem[], x: number, y: number): string {
  const out = ['<g class="legend">'];
  let cursor = x;
  for (const it of items) {
    out.push(`<rect x="${n(cursor)}" y="${n(y - 11)}" width="16" height="14" rx="3" fill="${it.fill}" stroke="${it.stroke}" stroke-width="1.3"/>`);
    out.push(`<text x="${n(cursor + 22)}" y="${n(y)}" font-size="11.5" fill="${MUTED_TEXT}">${escapeXml(it.label)}</text>`);
    cursor += 22 + textWidth(it.label, 11.5) + 18;
  }
  out.push('</g>');
  return out.join('');
}

/** Lays out and draws `root`; the result is a complete SVG document. */
export function renderTreeSvg(root: TreeNode, options: TreeSvgOptions = {}): string {
  const title = options.title ?? DEFAULT_TITLE;
  const layout = layoutTree(root, sizeOf(options), { siblingGap: SIZES.siblingGap, levelGap: SIZES.levelGap });
  const items = legendItems();
  const m = SIZES.margin;
  const titleY = m + 14;
  const subtitleY = titleY + 20;
  const legendY = (options.subtitle ? subtitleY : titleY) + 26;
  const treeTop = legendY + 34;
  const contentWidth = Math.max(layout.width, textWidth(title, 18, true), options.subtitle ? textWidth(options.subtitle, 12.5) : 0, legendWidth(items));
  const width = Math.ceil(contentWidth + 2 * m);
  const height = Math.ceil(treeTop + layout.height + m);
  // Centre a narrow tree under a wider header.
  const ox = m + (contentWidth - layout.width) / 2;
  const oy = treeTop;

  const edges: string[] = [];
  const labels: string[] = [];
  for (const p of layout.nodes) {
    for (const c of p.children) {
      edges.push(drawEdge(p, c, ox, oy));
      labels.push(drawEdgeLabel(c, ox, oy, layout));
    }
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(FONT_FAMILY)}" role="img" aria-label="${escapeXml(title)}">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${m}" y="${titleY}" font-size="18" font-weight="bold" fill="${TITLE_TEXT}">${escapeXml(title)}</text>`,
    options.subtitle ? `<text x="${m}" y="${subtitleY}" font-size="12.5" fill="${MUTED_TEXT}">${escapeXml(options.subtitle)}</text>` : '',
    drawLegend(items, m, legendY),
    `<line x1="${m}" y1="${legendY + 14}" x2="${width - m}" y2="${legendY + 14}" stroke="#e3e7ee"/>`,
    `<g class="edges">${edges.join('')}</g>`,
    `<g class="edge-labels">${labels.join('')}</g>`,
    `<g class="nodes">${layout.nodes.map((p) => drawNode(p, ox, oy, options)).join('')}</g>`,
    '</svg>',
    '',
  ].filter((line) => line !== '').join('\n');
}
