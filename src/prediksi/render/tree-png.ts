/**
 * PNG of the tree via resvg (Rust, no browser). System fonts are loaded explicitly: resvg draws
 * no text at all when it finds no font, which would silently produce boxes without words.
 */
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import type { TreeNode } from './tree-node';
import { type TreeSvgOptions, renderTreeSvg } from './tree-svg';

export interface PngOutputOptions {
  /** Pixels per SVG unit; default 1.5 for crisp text on high-density screens. */
  scale?: number;
  /** Upper bound on the PNG width; wide trees are scaled down to fit. Default 4096. */
  maxWidth?: number;
  /** Extra font files, for machines without DejaVu Sans among the system fonts. */
  fontFiles?: string[];
}

export type TreePngOptions = TreeSvgOptions & PngOutputOptions;

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** resvg options for an SVG `svgWidth` units wide: the zoom, capped at `maxWidth`, and the fonts. */
export function resvgOptions(svgWidth: number, options: PngOutputOptions = {}): ResvgRenderOptions {
  const scale = options.scale ?? 1.5;
  const maxWidth = options.maxWidth ?? 4096;
  return {
    fitTo: svgWidth * scale > maxWidth ? { mode: 'width', value: maxWidth } : { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: {
      loadSystemFonts: true,
      fontFiles: options.fontFiles,
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
    },
  };
}

export function svgToPng(svg: string, options: PngOutputOptions = {}): Buffer {
  // The probe only reads the document size; skipping font loading keeps it cheap.
  const width = new Resvg(svg, { font: { loadSystemFonts: false } }).width;
  return new Resvg(svg, resvgOptions(width, options)).render().asPng();
}

export function renderTreePng(root: TreeNode, options: TreePngOptions = {}): Buffer {
  return svgToPng(renderTreeSvg(root, options), options);
}
