/** Sizes and colours of the tree drawing, in one place so the layout and the SVG agree. */

export const FONT_FAMILY = "'DejaVu Sans', 'Helvetica Neue', Arial, Helvetica, sans-serif";

export const SIZES = {
  margin: 28,
  /** Node text: first line (attribute or class) and second line (counts). */
  titleLine: 13.5,
  detailLine: 12,
  edgeLabel: 11.5,
  internalHeight: 46,
  leafHeight: 58,
  minInternalWidth: 120,
  minLeafWidth: 108,
  boxPaddingX: 14,
  cornerRadius: 8,
  /** Horizontal space between neighbouring subtrees at every depth. */
  siblingGap: 16,
  /** Vertical space between the bottom of a row and the top of the next. */
  levelGap: 62,
  edgeLabelHeight: 18,
  edgeLabelPaddingX: 7,
  maxLabelChars: 32,
} as const;

export interface ClassColors {
  fill: string;
  stroke: string;
  text: string;
}

/**
 * Fills light enough for dark text, strokes distinguishable by lightness as well as hue
 * (amber is much lighter than red and green); the class name is always written in the box,
 * so colour is never the only cue.
 */
export const CLASS_COLORS: Readonly<Record<string, ClassColors>> = {
  Tinggi: { fill: '#dff0da', stroke: '#2e7d32', text: '#1b5e20' },
  Sedang: { fill: '#fdf0cf', stroke: '#d99a00', text: '#6d4c00' },
  Rendah: { fill: '#fadbd7', stroke: '#c62828', text: '#8e1b1b' },
};
export const OTHER_CLASS_COLORS: ClassColors = { fill: '#eceff1', stroke: '#607d8b', text: '#37474f' };
export const INTERNAL_COLORS: ClassColors = { fill: '#eef2f9', stroke: '#4a6391', text: '#1f2d4a' };

export const EDGE_COLOR = '#8c96a8';
export const EDGE_LABEL_BORDER = '#c7cdd8';
export const MUTED_TEXT = '#5f6b7a';
export const TITLE_TEXT = '#1f2933';

/** Legend and distribution-bar order: best to worst. */
export const CLASS_ORDER = ['Tinggi', 'Sedang', 'Rendah'] as const;

export function classColors(name: string): ClassColors {
  return CLASS_COLORS[name] ?? OTHER_CLASS_COLORS;
}

/** Friendly names for the model's features; anything else is humanised from its snake_case. */
export const DEFAULT_ATTRIBUTE_LABELS: Readonly<Record<string, string>> = {
  rata_rata: 'Rata-rata nilai',
  kategori_penghasilan: 'Penghasilan ortu',
  kategori_kehadiran: 'Kehadiran',
  persentase_kehadiran: 'Kehadiran (%)',
  total_penghasilan: 'Total penghasilan',
  pjok: 'PJOK',
  pkn: 'PKN',
  ipa: 'IPA',
};

export function attributeLabel(attribute: string, overrides?: Readonly<Record<string, string>>): string {
  const label = overrides?.[attribute] ?? DEFAULT_ATTRIBUTE_LABELS[attribute];
  if (label !== undefined) return label;
  const words = attribute.replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
