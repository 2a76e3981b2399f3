/**
 * A deliberately small XML well-formedness checker for the renderer's tests: balanced tags,
 * quoted attributes, valid entity references, one root element. It returns the element tree
 * so tests can look at boxes and texts without a DOM library.
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Decoded character data directly inside this element. */
  text: string;
}

const NAME = /^[A-Za-z_:][-A-Za-z0-9_:.]*/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string, where: number): string {
  return raw.replace(/&([^;]*);|&/g, (match: string, ref: string | undefined) => {
    if (ref === undefined) throw new Error(`bare '&' near offset ${where}`);
    if (ref in ENTITIES) return ENTITIES[ref];
    const num = /^#(x[0-9a-fA-F]+|[0-9]+)$/.exec(ref);
    if (!num) throw new Error(`unknown entity '${match}' near offset ${where}`);
    return String.fromCodePoint(num[1].startsWith('x') ? parseInt(num[1].slice(1), 16) : Number(num[1]));
  });
}

export function parseXml(xml: string): XmlElement {
  let i = 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  const expect = (cond: boolean, msg: string): void => {
    if (!cond) throw new Error(`${msg} at offset ${i}`);
  };
  while (i < xml.length) {
    if (xml.startsWith('<?', i)) {
      const end = xml.indexOf('?>', i);
      expect(end !== -1 && root === null, 'misplaced or unterminated processing instruction');
      i = end + 2;
    } else if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i);
      expect(end !== -1, 'unterminated comment');
      i = end + 3;
    } else if (xml.startsWith('</', i)) {
      const m = NAME.exec(xml.slice(i + 2));
      expect(m !== null, 'bad closing tag');
      const name = m![0];
      i += 2 + name.length;
      while (/\s/.test(xml[i])) i++;
      expect(xml[i] === '>', 'closing tag not terminated');
      i++;
      const open = stack.pop();
      expect(open !== undefined && open.name === name, `closing </${name}> does not match <${open?.name ?? 'nothing'}>`);
    } else if (xml[i] === '<') {
      const m = NAME.exec(xml.slice(i + 1));
      expect(m !== null, 'bad tag name');
      const el: XmlElement = { name: m![0], attrs: {}, children: [], text: '' };
      i += 1 + el.name.length;
      for (;;) {
        const ws = i;
        while (/\s/.test(xml[i])) i++;
        if (xml.startsWith('/>', i) || xml[i] === '>') break;
        expect(i > ws, 'attributes must be separated by whitespace');
        const a = NAME.exec(xml.slice(i));
        expect(a !== null, 'bad attribute name');
        i += a![0].length;
        expect(xml[i] === '=' && (xml[i + 1] === '"' || xml[i + 1] === "'"), `attribute ${a![0]} needs a quoted value`);
        const quote = xml[i + 1];
        const end = xml.indexOf(quote, i + 2);
        expect(end !== -1, 'unterminated attribute value');
        const raw = xml.slice(i + 2, end);
        expect(!raw.includes('<'), `'<' inside attribute ${a![0]}`);
        expect(!(a![0] in el.attrs), `duplicate attribute ${a![0]}`);
        el.attrs[a![0]] = decode(raw, i);
        i = end + 1;
      }
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(el);
      else {
        expect(root === null, 'more than one root element');
        root = el;
      }
      if (xml.startsWith('/>', i)) i += 2;
      else {
        i++;
        stack.push(el);
      }
    } else {
      const next = xml.indexOf('<', i);
      const raw = xml.slice(i, next === -1 ? xml.length : next);
      const top = stack[stack.length - 1];
      if (top) top.text += decode(raw, i);
      else expect(raw.trim() === '', 'text outside the root element');
      i += raw.length;
    }
  }
  expect(stack.length === 0, `unclosed <${stack[stack.length - 1]?.name}>`);
  expect(root !== null, 'no root element');
  return root!;
}

/** Every element in document order. */
export function allElements(el: XmlElement): XmlElement[] {
  return [el, ...el.children.flatMap(allElements)];
}
