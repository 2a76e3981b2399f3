import { png } from '../../test/factories/png';
import { checkPng } from './png';

/** A real w×h PNG. */
const makePng = (w = 2, h = 2): Buffer => png(w, h);

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
