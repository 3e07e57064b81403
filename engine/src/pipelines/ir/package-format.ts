/**
 * What kind of bytes an uploaded pipeline file holds, judged by its first bytes (magic
 * numbers), never by its name: a user's `pipeline.yaml` may well be a zip.
 */
export type PackageFormat =
  | { kind: 'zip' }
  | { kind: 'gzip' }
  | { kind: 'tar' }
  | { kind: 'text' }
  | { kind: 'binary'; description: string };

interface Signature {
  bytes: number[];
  offset?: number;
  description: string;
}

/** Formats people upload by mistake, so the error can say what the file is. */
const BINARY_SIGNATURES: Signature[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], description: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], description: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], description: 'a GIF image' },
  { bytes: [0x25, 0x50, 0x44, 0x46], description: 'a PDF document' },
  { bytes: [0x42, 0x5a, 0x68], description: 'a bzip2 archive' },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], description: 'an xz archive' },
  { bytes: [0x28, 0xb5, 0x2f, 0xfd], description: 'a zstd archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], description: 'a 7-Zip archive' },
  { bytes: [0x52, 0x61, 0x72, 0x21], description: 'a RAR archive' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], description: 'an executable (ELF)' },
  { bytes: [0x4d, 0x5a], description: 'a Windows executable' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], description: 'an Office document' },
];

const ZIP_SIGNATURES = [
  [0x50, 0x4b, 0x03, 0x04], // a local file header: an archive with entries
  [0x50, 0x4b, 0x05, 0x06], // an end-of-central-directory record: an empty archive
  [0x50, 0x4b, 0x07, 0x08], // a spanned archive
];
const GZIP = [0x1f, 0x8b];
const USTAR = [0x75, 0x73, 0x74, 0x61, 0x72]; // "ustar" at offset 257

export function detectPackageFormat(data: Uint8Array): PackageFormat {
  if (ZIP_SIGNATURES.some((signature) => startsWith(data, signature))) return { kind: 'zip' };
  if (startsWith(data, GZIP)) return { kind: 'gzip' };
  if (isTar(data)) return { kind: 'tar' };
  if (hasUtf16Bom(data)) return { kind: 'text' };
  const known = BINARY_SIGNATURES.find((signature) => startsWith(data, signature.bytes));
  if (known) return { kind: 'binary', description: known.description };
  if (data.subarray(0, 8192).includes(0)) return { kind: 'binary', description: 'a binary file' };
  return { kind: 'text' };
}

export function isTar(data: Uint8Array): boolean {
  return data.length >= 512 && startsWith(data, USTAR, 257);
}

export function hasUtf16Bom(data: Uint8Array): boolean {
  return startsWith(data, [0xff, 0xfe]) || startsWith(data, [0xfe, 0xff]);
}

function startsWith(data: Uint8Array, bytes: number[], offset = 0): boolean {
  if (data.length < offset + bytes.length) return false;
  return bytes.every((byte, index) => data[offset + index] === byte);
}
