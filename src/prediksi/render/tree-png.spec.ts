import { Resvg } from '@resvg/resvg-js';
import { PNG_SIGNATURE, renderTreePng, resvgOptions } from './tree-png';
import { renderTreeSvg } from './tree-svg';
import { leaf, numericSplit, randomTree } from './testing/tree-fixtures';

/** Width and height from the IHDR chunk, which always follows the 8-byte signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function svgSize(svg: string): { width: number; height: number } {
  const m = /<svg[^>]* width="(\d+)" height="(\d+)"/.exec(svg);
  expect(m).not.toBeNull();
  return { width: Number(m![1]), height: Number(m![2]) };
}

const tree = numericSplit('rata_rata', 74.5, leaf('Rendah', 30, 0.9), leaf('Tinggi', 25, 0.8));

describe('renderTreePng', () => {
  it('returns a PNG with the SVG aspect ratio at 1.5× by default', () => {
    const png = renderTreePng(tree);
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    const svg = svgSize(renderTreeSvg(tree));
    const size = pngSize(png);
    expect(size.width).toBe(Math.round(svg.width * 1.5));
    expect(size.width / size.height).toBeCloseTo(svg.width / svg.height, 1);
  });

  it('scales a wide tree down to maxWidth and keeps its proportions', () => {
    const wide = randomTree(30, 5);
    const svg = svgSize(renderTreeSvg(wide));
    const size = pngSize(renderTreePng(wide, { maxWidth: 1200 }));
    expect(svg.width * 1.5).toBeGreaterThan(1200);
    expect(size.width).toBe(1200);
    expect(Math.abs(size.height - (svg.height * 1200) / svg.width)).toBeLessThanOrEqual(1);
  });

  it('honours an explicit scale', () => {
    const svg = svgSize(renderTreeSvg(tree));
    expect(pngSize(renderTreePng(tree, { scale: 1 })).width).toBe(svg.width);
  });

  // resvg silently drops text when no font resolves; this fails on a machine without usable fonts.
  it('renders text: the configured fonts resolve to glyphs', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><text x="10" y="28" font-size="24" font-family="sans-serif">Tinggi</text></svg>';
    const pixels = new Resvg(svg, resvgOptions(120, { scale: 1 })).render().pixels;
    let dark = 0;
    for (let i = 0; i < pixels.length; i += 4) if (pixels[i] < 128) dark++;
    expect(dark).toBeGreaterThan(50);
  });
});
