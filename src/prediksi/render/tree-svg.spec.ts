import { DEFAULT_TITLE, escapeXml, renderTreeSvg } from './tree-svg';
import type { TreeNode } from './tree-node';
import { type XmlElement, allElements, parseXml } from './testing/xml-check';
import { deepTree, edgeLabelsOf, leaf, leavesOf, nodeCount, nominalSplit, numericSplit, randomTree, wideTree } from './testing/tree-fixtures';
import { CLASS_COLORS } from './tree-style';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function box(el: XmlElement): Box {
  return { x: Number(el.attrs.x), y: Number(el.attrs.y), width: Number(el.attrs.width), height: Number(el.attrs.height) };
}

function intersects(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function boxesOf(svg: XmlElement, groupClass: string): Box[] {
  return allElements(svg)
    .filter((el) => el.name === 'g' && (el.attrs.class ?? '').split(' ').includes(groupClass))
    .map((g) => box(g.children.find((c) => c.name === 'rect')!));
}

function texts(svg: XmlElement): string[] {
  return allElements(svg).filter((el) => el.name === 'text').map((el) => el.text);
}

function overlappingPairs(boxes: Box[]): number {
  let count = 0;
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) if (intersects(boxes[i], boxes[j])) count++;
  return count;
}

const smallTree: TreeNode = numericSplit(
  'rata_rata',
  74.5,
  leaf('Rendah', 40, 0.9),
  nominalSplit('kategori_kehadiran', [
    ['Rendah', leaf('Sedang', 12, 0.75)],
    ['Sedang', leaf('Sedang', 20, 0.85)],
    ['Tinggi', numericSplit('rata_rata', 82, leaf('Sedang', 30, 0.7), leaf('Tinggi', 50, 0.92))],
  ]),
);

describe('escapeXml', () => {
  it('escapes the five XML special characters', () => {
    expect(escapeXml(`a<b & "c" > 'd'`)).toBe('a&lt;b &amp; &quot;c&quot; &gt; &apos;d&apos;');
  });
});

describe('renderTreeSvg', () => {
  it('produces a well-formed standalone SVG with size, viewBox, white background and sans-serif text', () => {
    const svg = parseXml(renderTreeSvg(smallTree));
    expect(svg.name).toBe('svg');
    expect(svg.attrs.xmlns).toBe('http://www.w3.org/2000/svg');
    const width = Number(svg.attrs.width);
    const height = Number(svg.attrs.height);
    expect(width).toBeGreaterThan(0);
    expect(height).toBeGreaterThan(0);
    expect(svg.attrs.viewBox).toBe(`0 0 ${width} ${height}`);
    expect(svg.attrs['font-family']).toContain('sans-serif');
    const background = svg.children.find((c) => c.name === 'rect')!;
    expect(background.attrs).toMatchObject({ x: '0', y: '0', width: String(width), height: String(height), fill: '#ffffff' });
  });

  it('writes every leaf class, its confidence and n, every edge label, the attributes, a title and a legend', () => {
    const svgText = renderTreeSvg(smallTree, { subtitle: 'Model v3 · akurasi 84.2%' });
    const all = texts(parseXml(svgText));
    for (const l of leavesOf(smallTree)) {
      expect(all).toContain(l.prediction);
      expect(all).toContain(`${(l.confidence * 100).toFixed(1)}% · n = ${l.samples}`);
    }
    for (const label of edgeLabelsOf(smallTree)) expect(all).toContain(label);
    expect(all).toEqual(expect.arrayContaining(['<= 74.5', '> 74.5', '= Tinggi', 'Rata-rata nilai', 'Kehadiran', 'n = 152']));
    expect(all).toEqual(expect.arrayContaining([DEFAULT_TITLE, 'Model v3 · akurasi 84.2%', 'Prestasi Tinggi', 'Prestasi Sedang', 'Prestasi Rendah']));
    // The raw document carries the escaped form of labels with markup characters.
    expect(svgText).toContain('&lt;= 74.5');
    expect(svgText).not.toContain('<= 74.5');
  });

  it('colours leaves by class', () => {
    const svg = parseXml(renderTreeSvg(smallTree));
    const leafGroups = allElements(svg).filter((el) => el.name === 'g' && el.attrs.class === 'node leaf');
    expect(leafGroups).toHaveLength(leavesOf(smallTree).length);
    for (const g of leafGroups) {
      const label = g.children.find((c) => c.name === 'text')!.text;
      expect(g.children.find((c) => c.name === 'rect')!.attrs.fill).toBe(CLASS_COLORS[label].fill);
    }
  });

  it('keeps 30 leaves, their boxes and edge labels free of overlaps', () => {
    const tree = randomTree(30, 11);
    expect(leavesOf(tree)).toHaveLength(30);
    const svgText = renderTreeSvg(tree);
    const svg = parseXml(svgText);
    const nodes = boxesOf(svg, 'node');
    const labels = boxesOf(svg, 'edge-label');
    expect(nodes).toHaveLength(nodeCount(tree));
    expect(labels).toHaveLength(nodeCount(tree) - 1);
    expect(overlappingPairs(nodes)).toBe(0);
    expect(overlappingPairs(labels)).toBe(0);
    expect(overlappingPairs([...nodes, ...labels])).toBe(0);
    const width = Number(svg.attrs.width);
    const height = Number(svg.attrs.height);
    for (const b of [...nodes, ...labels]) {
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.y).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width).toBeLessThanOrEqual(width);
      expect(b.y + b.height).toBeLessThanOrEqual(height);
    }
    const all = texts(svg);
    for (const label of edgeLabelsOf(tree)) expect(all).toContain(label);
  });

  it.each([
    ['a wide nominal split', wideTree(14)],
    ['a deep tree', deepTree(18)],
    ['a single leaf', leaf('Tinggi', 3, 1)],
  ])('draws %s without overlaps', (_name, tree) => {
    const svg = parseXml(renderTreeSvg(tree));
    const boxes = [...boxesOf(svg, 'node'), ...boxesOf(svg, 'edge-label')];
    expect(boxes).toHaveLength(2 * nodeCount(tree) - 1);
    expect(overlappingPairs(boxes)).toBe(0);
  });

  it('escapes hostile text everywhere and stays well-formed', () => {
    const hostile = numericSplit('a<b>&"c"', 1, leaf('Kelas <A> & "B"', 3), { ...leaf('Tinggi', 2), name: "x'y&z" });
    const svgText = renderTreeSvg(hostile, { title: 'Judul <&>', subtitle: `"kutip" & 'apostrof'`, attributeLabels: { 'a<b>&"c"': 'Label <i>' } });
    const all = texts(parseXml(svgText));
    expect(all).toEqual(expect.arrayContaining(['Judul <&>', 'Label <i>', 'Kelas <A> & "B"', '<= 1', '> 1']));
  });

  it('handles fractional sample weights and unknown classes', () => {
    const tree = numericSplit('ipa', 70, { ...leaf('Lulus', 3), samples: 3.4567 }, leaf('Tinggi', 2));
    const all = texts(parseXml(renderTreeSvg(tree)));
    expect(all).toEqual(expect.arrayContaining(['Lulus', 'IPA', '80.0% · n = 3.5']));
  });
});
