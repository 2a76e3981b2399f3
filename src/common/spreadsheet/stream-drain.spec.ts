import { PassThrough } from 'node:stream';
import { drained } from './stream-drain';

describe('drained', () => {
  it('gives the event loop a turn even when the stream needs no drain, so other requests run between export pieces', async () => {
    const out = new PassThrough();
    out.resume();
    const order: string[] = [];
    setImmediate(() => order.push('other work'));
    await drained(out);
    order.push('export continues');
    expect(order).toEqual(['other work', 'export continues']);
  });

  it('throws once the client has gone, so the export stops reading the database', async () => {
    const out = new PassThrough();
    out.destroy();
    await expect(drained(out)).rejects.toThrow(/client closed/);
  });
});
