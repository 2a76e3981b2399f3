import { deflateSync } from 'node:zlib';
import { checkPng } from './png';

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A real w×h grey PNG. */
function makePng(w = 2, h = 2): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 0;
  const raw = Buffer.alloc((w + 1) * h, 0x80);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('checkPng', () => {
  it('accepts a real PNG and reads its size', () => {
    expect(checkPng(makePng(3, 5))).toEqual({ ok: true, width: 3, height: 5 });
  });
  it('refuses other files, truncated PNGs and huge images', () => {
    expect(checkPng(Buffer.from('GIF89a this is not a png at all, really not'))).toMatchObject({ ok: false });
    const png = makePng();
    expect(checkPng(png.subarray(0, png.length - 4))).toMatchObject({ ok: false, reason: expect.objectContaining({ key: 'PNG_TRUNCATED' }) });
    expect(checkPng(makePng(5000, 1))).toMatchObject({ ok: false, reason: expect.objectContaining({ key: 'PNG_TOO_LARGE', params: expect.objectContaining({ width: 5000 }) }) });
  });
});
