import { Logger } from '@nestjs/common';
import { KOSONG } from '../rapor-content';
import { contentWidth, font, type Pdf, pdfText } from './pdf-doc';

export interface Sekolah {
  nama_sekolah: string | null;
  npsn: string | null;
  alamat: string | null;
  kota: string | null;
  kepala_sekolah: string | null;
  nip_kepala_sekolah: string | null;
  /** PNG bytes, when the school set a logo. */
  logo: Buffer | null;
}

const LOGO_SIZE = 52;
const logger = new Logger('Letterhead');

/**
 * pdfkit embeds an image given as a Buffer anew at every call: a class of forty would carry the
 * logo forty times. Opened once per document, it is embedded once and referenced from every page.
 */
type OpenedImage = Parameters<Pdf['image']>[0];
// pdfkit's openImage (an image doc.image accepts in place of the bytes) is missing from @types/pdfkit.
type WithOpenImage = Pdf & { openImage(src: Buffer): OpenedImage };
const openedLogos = new WeakMap<Pdf, { bytes: Buffer; image: OpenedImage }>();
function logoImage(doc: Pdf, bytes: Buffer): OpenedImage {
  let opened = openedLogos.get(doc);
  if (opened?.bytes !== bytes) {
    opened = { bytes, image: (doc as WithOpenImage).openImage(bytes) };
    openedLogos.set(doc, opened);
  }
  return opened.image;
}

/**
 * The school's heading (kop): the logo at the left when set, the name (wrapping onto a second line
 * when long, never over the logo), address and NPSN centred, then a double rule. Returns nothing;
 * the cursor ends below the rule.
 */
export function drawLetterhead(doc: Pdf, s: Sekolah): void {
  const left = doc.page.margins.left;
  const top = doc.y;
  const width = contentWidth(doc);
  let textLeft = left;
  if (s.logo) {
    try {
      doc.image(logoImage(doc, s.logo), left, top, { fit: [LOGO_SIZE, LOGO_SIZE], align: 'center', valign: 'center' });
      textLeft = left + LOGO_SIZE + 8;
    } catch (error) {
      // A PNG variant pdfkit cannot draw must not keep the school from printing its report cards.
      logger.warn({ err: error }, 'School logo could not be drawn; printed without it');
    }
  }
  // Centred on the page, but kept clear of the logo on both sides so the block stays symmetric.
  const textWidth = width - 2 * (textLeft - left);
  font(doc, 14, true).text(pdfText(s.nama_sekolah ?? KOSONG).toUpperCase(), textLeft, top, { width: textWidth, align: 'center' });
  const address = [s.alamat, s.kota].filter(Boolean).join(', ');
  if (address) font(doc, 9).text(pdfText(address), textLeft, doc.y + 1, { width: textWidth, align: 'center' });
  font(doc, 9).text(`NPSN: ${pdfText(s.npsn ?? KOSONG)}`, textLeft, doc.y + 1, { width: textWidth, align: 'center' });
  const ruleY = Math.max(doc.y, s.logo && textLeft > left ? top + LOGO_SIZE : 0) + 5;
  doc
    .lineWidth(1.5)
    .moveTo(left, ruleY)
    .lineTo(left + width, ruleY)
    .stroke('black');
  doc
    .lineWidth(0.5)
    .moveTo(left, ruleY + 2.5)
    .lineTo(left + width, ruleY + 2.5)
    .stroke('black');
  doc.x = left;
  doc.y = ruleY + 10;
}
