import { StreamableFile } from '@nestjs/common';
import { Readable } from 'node:stream';

/** Elements serialised per chunk of a top-level array: big enough to keep the stream's overhead small. */
const ELEMENTS_PER_CHUNK = 1000;

/** The pieces of JSON.stringify(body), in order. */
export function* jsonChunks(body: object): Generator<string> {
  let open = '{';
  for (const [key, value] of Object.entries(body)) {
    if (value === undefined) continue; // as JSON.stringify leaves it out
    const name = `${open}${JSON.stringify(key)}:`;
    open = ',';
    if (!Array.isArray(value) || value.length <= ELEMENTS_PER_CHUNK) {
      yield name + JSON.stringify(value);
      continue;
    }
    yield `${name}[`;
    for (let i = 0; i < value.length; i += ELEMENTS_PER_CHUNK) {
      const part = JSON.stringify(value.slice(i, i + ELEMENTS_PER_CHUNK));
      yield (i > 0 ? ',' : '') + part.slice(1, -1);
    }
    yield ']';
  }
  yield open === '{' ? '{}' : '}';
}

/**
 * A JSON body written in pieces, byte for byte what JSON.stringify(body) gives, for an answer too
 * big to be one string: a batch prediction of a district (300,000 results, ~200 MB of JSON) as one
 * string would not fit the API process's heap (production runs it at --max-old-space-size=256).
 * Top-level arrays are serialised a thousand elements at a time as the client reads them.
 */
export function jsonStream(body: object): StreamableFile {
  const stream = Readable.from(
    (function* toBuffers() {
      for (const chunk of jsonChunks(body)) yield Buffer.from(chunk);
    })(),
    { objectMode: false },
  );
  return new StreamableFile(stream, { type: 'application/json; charset=utf-8' });
}
