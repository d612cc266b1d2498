import exifReader from 'exif-reader';
import sharp, { type Metadata, type OutputInfo } from 'sharp';
import { AppError } from '../infra/errors/app-error';
import type { UploadKind } from './upload';

export interface InspectionLimits {
  maxPixels: number;
  maxDimension: number;
  animatedGifs: 'keep' | 'refuse';
}

/** A file as it will be stored: re-encoded image bytes or the attachment as sent, and what was taken out. */
export interface InspectedFile {
  kind: UploadKind;
  mime: string;
  extension: string;
  bytes: Buffer;
  width: number | null;
  height: number | null;
  /** Set for text attachments: the text the personal-data check reads. */
  text: string | null;
  removed: string[];
}

const IMAGE_FORMATS = {
  jpeg: { mime: 'image/jpeg', extension: 'jpg' },
  png: { mime: 'image/png', extension: 'png' },
  webp: { mime: 'image/webp', extension: 'webp' },
  gif: { mime: 'image/gif', extension: 'gif' },
} as const;
type ImageFormat = keyof typeof IMAGE_FORMATS;

const PDF_MAGIC = Buffer.from('%PDF-');
/** C0 controls other than tab, line feed, form feed and carriage return: binary data, not a text file. */
// eslint-disable-next-line no-control-regex -- finding control bytes is the point
const BINARY_BYTE = /[\x00-\x08\x0b\x0e-\x1f\x7f]/;

const unsupported = (name: string) =>
  new AppError(
    'unsupported_file_type',
    `${name} is not a file Parley accepts: images (PNG, JPEG, WebP, GIF), PDF, or plain text (.txt, .log)`,
    { field: 'file' },
  );

/**
 * Decides what a file is from its bytes alone (the name and the declared type are never trusted), then
 * makes it safe to store: images are decoded and re-encoded by sharp (libvips), which drops EXIF, XMP, IPTC
 * and ICC metadata, applies the EXIF orientation and caps the dimensions; the pixel count is checked on the
 * header before anything is decoded, so a decompression bomb costs nothing.
 */
export async function inspectUpload(
  bytes: Buffer,
  name: string,
  limits: InspectionLimits,
): Promise<InspectedFile> {
  const format = await imageFormatOf(bytes);
  if (format) return cleanImage(bytes, format, name, limits);
  if (bytes.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC)) {
    return {
      kind: 'attachment',
      mime: 'application/pdf',
      extension: 'pdf',
      bytes,
      width: null,
      height: null,
      text: null,
      removed: [],
    };
  }
  const text = utf8TextOf(bytes);
  if (text === null) throw unsupported(name);
  return {
    kind: 'attachment',
    mime: 'text/plain; charset=utf-8',
    extension: /\.log$/i.test(name) ? 'log' : 'txt',
    bytes: Buffer.from(text, 'utf8'),
    width: null,
    height: null,
    text,
    removed: [],
  };
}

async function imageFormatOf(bytes: Buffer): Promise<ImageFormat | null> {
  try {
    // Reads the header only; libvips sniffs the format from the bytes.
    const { format } = await sharp(bytes, { limitInputPixels: false }).metadata();
    return format in IMAGE_FORMATS ? (format as ImageFormat) : null;
  } catch {
    return null;
  }
}

async function cleanImage(
  bytes: Buffer,
  format: ImageFormat,
  name: string,
  limits: InspectionLimits,
): Promise<InspectedFile> {
  const meta = await sharp(bytes, { limitInputPixels: false, animated: true }).metadata();
  const frames = meta.pages ?? 1;
  const frameHeight = meta.pageHeight ?? meta.height ?? 0;
  const width = meta.width ?? 0;
  if (width * frameHeight * frames > limits.maxPixels || width * frameHeight === 0) {
    throw new AppError(
      'upload_refused',
      `${name} is ${width}×${frameHeight}${frames > 1 ? ` with ${frames} frames` : ''}: more than the ` +
        `${limits.maxPixels} pixels Parley decodes, so it was not opened`,
      { field: 'file', reason: 'too_many_pixels' },
    );
  }
  const animated = format === 'gif' && frames > 1;
  if (animated && limits.animatedGifs === 'refuse') {
    throw new AppError('upload_refused', `${name} is an animated GIF, which this site does not accept`, {
      field: 'file',
      reason: 'animated',
    });
  }
  const removed = describeMetadata(meta, name);
  let pipeline = sharp(bytes, { limitInputPixels: limits.maxPixels, animated, failOn: 'error' })
    .rotate()
    .resize({
      width: limits.maxDimension,
      height: limits.maxDimension,
      fit: 'inside',
      withoutEnlargement: true,
    });
  pipeline =
    format === 'jpeg'
      ? pipeline.jpeg({ quality: 85, mozjpeg: true })
      : format === 'png'
        ? pipeline.png()
        : format === 'webp'
          ? pipeline.webp({ quality: 85 })
          : pipeline.gif();
  let output: { data: Buffer; info: OutputInfo };
  try {
    output = await pipeline.toBuffer({ resolveWithObject: true });
  } catch (error) {
    throw new AppError(
      'upload_refused',
      `${name} could not be read as an image: ${(error as Error).message}`,
      {
        field: 'file',
        reason: 'unreadable',
      },
    );
  }
  const outHeight = output.info.pageHeight ?? output.info.height;
  const upright = (meta.orientation ?? 1) > 1;
  const rotated = upright && (meta.orientation ?? 1) >= 5;
  const [fromW, fromH] = rotated ? [frameHeight, width] : [width, frameHeight];
  if (output.info.width !== fromW || outHeight !== fromH) {
    removed.push(`${name} scaled down from ${fromW}×${fromH} to ${output.info.width}×${outHeight}`);
  }
  if (upright) removed.push(`${name} turned upright (its orientation tag was applied)`);
  return {
    kind: 'image',
    ...IMAGE_FORMATS[format],
    bytes: output.data,
    width: output.info.width,
    height: outHeight,
    text: null,
    removed,
  };
}

/** What the author is told was taken out, in their words; never the values themselves. */
function describeMetadata(meta: Metadata, name: string): string[] {
  const removed: string[] = [];
  const exif = meta.exif ? readExif(meta.exif) : null;
  if (exif?.GPSInfo && Object.keys(exif.GPSInfo).length > 0)
    removed.push(`location data removed from ${name}`);
  const image = exif?.Image ?? {};
  const photo = exif?.Photo ?? {};
  if (image.Make || image.Model || photo.BodySerialNumber || photo.LensSerialNumber || photo.LensModel) {
    removed.push(`camera make, model and serial numbers removed from ${name}`);
  }
  if (photo.DateTimeOriginal || image.DateTime)
    removed.push(`the time the photo was taken removed from ${name}`);
  const other = [meta.exif && 'EXIF', meta.xmp && 'XMP', meta.iptc && 'IPTC'].filter(Boolean);
  if (other.length > 0) removed.push(`${other.join(', ')} metadata removed from ${name}`);
  return removed;
}

function readExif(buffer: Buffer): ReturnType<typeof exifReader> | null {
  try {
    return exifReader(buffer);
  } catch {
    return null;
  }
}

function utf8TextOf(bytes: Buffer): string | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  text = text.replace(/^\uFEFF/, '');
  return BINARY_BYTE.test(text) ? null : text;
}
