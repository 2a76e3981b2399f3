import { parseXml } from './xml-check';

// The renderer's well-formedness tests are only as good as this checker, so it must reject these.
describe('parseXml', () => {
  it('parses nested elements, attributes and entities', () => {
    const el = parseXml('<?xml version="1.0"?>\n<a x="1 &lt; 2"><b/><c>t &amp; u&#33;</c></a>\n');
    expect(el.attrs.x).toBe('1 < 2');
    expect(el.children.map((c) => c.name)).toEqual(['b', 'c']);
    expect(el.children[1].text).toBe('t & u!');
  });

  it.each([
    ['unbalanced tags', '<a><b></a></b>'],
    ['an unclosed element', '<a><b></b>'],
    ['a raw < in text', '<a>x <= 1</a>'],
    ['a raw < in an attribute', '<a x="<="/>'],
    ['a bare ampersand', '<a>x & y</a>'],
    ['an unknown entity', '<a>&nbsp;</a>'],
    ['an unquoted attribute', '<a x=1/>'],
    ['a duplicate attribute', '<a x="1" x="2"/>'],
    ['two roots', '<a/><b/>'],
    ['text outside the root', '<a/>junk'],
  ])('rejects %s', (_name, xml) => {
    expect(() => parseXml(xml)).toThrow();
  });
});
