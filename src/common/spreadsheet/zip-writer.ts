import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';
import { drained } from './stream-drain';

const LOCAL_HEADER = 0x04034b50;
const DATA_DESCRIPTOR = 0x08074b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
/** Sizes and crc follow the data (bit 3), names are UTF-8 (bit 11). */
const FLAGS = 0x0808;
const DEFLATE = 8;
const VERSION = 20;
/** Zip without the zip64 extension: no part or offset may pass 4 GiB. */
const MAX_32 = 0xffffffff;

interface Entry {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

/** DOS date and time of `date` (what zip headers store). */
function dosTime(date: Date): { time: number; date: number } {
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1),
    date: ((date.getFullYear() - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

/**
 * A zip archive written as a stream, part after part (deflate, sizes in data descriptors), for the
 * .xlsx exports: the large worksheet is compressed while it is generated, so nothing but the part
 * being written is held. Only what the exports need: no zip64, no comments, no encryption.
 */
export class ZipWriter {
  private readonly entries: Entry[] = [];
  private offset = 0;
  private readonly stamp = dosTime(new Date());

  constructor(private readonly out: Writable) {}

  /** A small part given whole. */
  async add(name: string, content: string): Promise<void> {
    const data = Buffer.from(content, 'utf8');
    const part = this.begin(name);
    const compressed = deflateRawSync(data);
    this.write(compressed);
    this.finish(part, crc32(data), compressed.length, data.length);
    await this.drained();
  }

  /**
   * A part written in pieces: `write` it as often as needed (awaiting it keeps memory bounded when
   * the reader is slower), then `end` it. Level 1: the worksheet is repetitive XML, and faster
   * deflate matters more for an export than the last 20 % of size.
   */
  stream(name: string): { write(text: string): Promise<void>; end(): Promise<void> } {
    const part = this.begin(name);
    const deflate = createDeflateRaw({ level: 1 });
    let crc = 0;
    let size = 0;
    let compressed = 0;
    deflate.on('data', (chunk: Buffer) => {
      compressed += chunk.length;
      this.write(chunk);
    });
    return {
      write: async (text: string) => {
        const data = Buffer.from(text, 'utf8');
        crc = crc32(data, crc);
        size += data.length;
        if (!deflate.write(data)) await once(deflate, 'drain');
        await this.drained();
      },
      end: async () => {
        const ended = once(deflate, 'end');
        deflate.end();
        await ended;
        this.finish(part, crc, compressed, size);
        await this.drained();
      },
    };
  }

  /** The central directory; the archive is complete after it. */
  async close(): Promise<void> {
    const start = this.offset;
    for (const e of this.entries) {
      const header = Buffer.alloc(46);
      header.writeUInt32LE(CENTRAL_HEADER, 0);
      header.writeUInt16LE(VERSION, 4); // made by
      this.entryFields(header, 6, e);
      header.writeUInt32LE(e.offset, 42);
      this.write(header);
      this.write(e.name);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END_OF_CENTRAL, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    this.write(end);
    await this.drained();
  }

  private begin(name: string): Entry {
    const entry: Entry = { name: Buffer.from(name, 'utf8'), crc: 0, compressed: 0, size: 0, offset: this.offset };
    const header = Buffer.alloc(30);
    header.writeUInt32LE(LOCAL_HEADER, 0);
    this.entryFields(header, 4, entry); // crc and sizes still 0: they follow in the data descriptor

    this.write(header);
    this.write(entry.name);
    return entry;
  }

  /** The fields local and central headers share (version needed … name length), from `at`. */
  private entryFields(header: Buffer, at: number, e: Entry): void {
    header.writeUInt16LE(VERSION, at);
    header.writeUInt16LE(FLAGS, at + 2);
    header.writeUInt16LE(DEFLATE, at + 4);
    header.writeUInt16LE(this.stamp.time, at + 6);
    header.writeUInt16LE(this.stamp.date, at + 8);
    header.writeUInt32LE(e.crc, at + 10);
    header.writeUInt32LE(e.compressed, at + 14);
    header.writeUInt32LE(e.size, at + 18);
    header.writeUInt16LE(e.name.length, at + 22);
  }

  private finish(entry: Entry, crc: number, compressed: number, size: number): void {
    if (size > MAX_32 || this.offset > MAX_32) throw new Error(`zip part ${entry.name.toString()} is larger than 4 GiB`);
    Object.assign(entry, { crc, compressed, size });
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(DATA_DESCRIPTOR, 0);
    descriptor.writeUInt32LE(crc, 4);
    descriptor.writeUInt32LE(compressed, 8);
    descriptor.writeUInt32LE(size, 12);
    this.write(descriptor);
    this.entries.push(entry);
  }

  private write(chunk: Buffer): void {
    this.offset += chunk.length;
    this.out.write(chunk);
  }

  private drained(): Promise<void> {
    return drained(this.out);
  }
}
