import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { SheetRow } from './xlsx-rows';
import { unreadable, uploadMsg, UploadProblem } from './upload-problem';

const SLICE = 64 * 1024;

/** Excel in the Indonesian locale saves CSV with semicolons; our exports use commas. */
function delimiterOf(buffer: Buffer): string {
  const end = buffer.indexOf(0x0a);
  const firstLine = buffer.subarray(0, end < 0 ? Math.min(buffer.length, SLICE) : end).toString('utf8');
  return firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
}

function* slices(buffer: Buffer): Generator<Buffer> {
  for (let at = 0; at < buffer.length; at += SLICE) yield buffer.subarray(at, at + SLICE);
}

/**
 * A CSV upload record by record, parsed as a stream in 64 KB slices: never the whole text at once,
 * and the event loop gets a turn between slices. csv-parse decodes each field's bytes whole, so a
 * character split across slices is read right; invalid UTF-8 becomes U+FFFD (a row error later).
 */
export async function* csvRows(buffer: Buffer, file: string): AsyncGenerator<SheetRow> {
  const parser = Readable.from(slices(buffer)).pipe(
    parse({ bom: true, delimiter: delimiterOf(buffer), relax_column_count: true, skip_empty_lines: false }),
  );
  let number = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      number += 1;
      yield { number, cells: record };
    }
  } catch (error) {
    if (error instanceof UploadProblem) throw error;
    throw unreadable(file, uploadMsg('CSV_INVALID', { cause: error instanceof Error ? error.message.slice(0, 200) : '' }));
  } finally {
    parser.destroy();
  }
}
