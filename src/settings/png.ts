import { type Message, msg } from '../i18n/catalogue';

/** Checks that bytes are a PNG image (signature, IHDR first, IEND last), without decoding it. */

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const IEND = Buffer.from([0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);
/** A letterhead logo; larger images are refused rather than scaled. */
export const MAX_LOGO_DIMENSION = 2048;

export type PngCheck = { ok: true; width: number; height: number } | { ok: false; reason: Message };

export function checkPng(bytes: Buffer): PngCheck {
  if (bytes.length < SIGNATURE.length + 25 + IEND.length || !bytes.subarray(0, 8).equals(SIGNATURE))
    return { ok: false, reason: msg('PNG_NOT_PNG') };
  if (bytes.readUInt32BE(8) !== 13 || bytes.toString('latin1', 12, 16) !== 'IHDR')
    return { ok: false, reason: msg('PNG_NO_IHDR') };
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (width === 0 || height === 0) return { ok: false, reason: msg('PNG_NO_PIXELS') };
  if (width > MAX_LOGO_DIMENSION || height > MAX_LOGO_DIMENSION)
    return { ok: false, reason: msg('PNG_TOO_LARGE', { width, height, max: MAX_LOGO_DIMENSION }) };
  if (!bytes.subarray(bytes.length - IEND.length).equals(IEND))
    return { ok: false, reason: msg('PNG_TRUNCATED') };
  return { ok: true, width, height };
}
