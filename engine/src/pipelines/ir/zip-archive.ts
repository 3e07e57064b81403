/**
 * Lists the files of a zip archive from its central directory and inflates one on demand,
 * with a hard output limit so a zip bomb stops at the limit instead of filling memory.
 * Synchronous and bounded: a pipeline package is small, and a corrupt one must fail fast.
 */
import { crc32, inflateRawSync } from 'node:zlib';
import { SkiffError } from '../../core/errors.js';
import type { ArchiveEntry } from './package-archive.js';
import { tooLarge } from './package-limits.js';

const MAX_ENTRIES = 10_000;
const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

export function listZipEntries(data: Uint8Array, maxEntryBytes: number): ArchiveEntry[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (view.getUint16(eocd + 4, true) !== 0 || view.getUint16(eocd + 6, true) !== 0) {
    throw corrupt('it is split across several files (a multi-part zip); zip it again as one file');
  }
  let count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff)
    ({ count, offset } = readZip64Directory(view, eocd));
  if (count > MAX_ENTRIES)
    throw corrupt(`it holds ${count} entries; a pipeline package holds a few`);
  const entries: ArchiveEntry[] = [];
  for (let index = 0; index < count; index++) {
    const header = centralHeader(view, offset);
    entries.push(entry(data, view, header, maxEntryBytes));
    offset = header.next;
  }
  return entries;
}

interface CentralHeader {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  next: number;
}

function findEndOfCentralDirectory(view: DataView): number {
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let at = view.byteLength - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) === EOCD) return at;
  }
  throw corrupt('its end-of-central-directory record is missing, so it is truncated or not a zip');
}

function readZip64Directory(view: DataView, eocd: number): { count: number; offset: number } {
  const locator = eocd - 20;
  if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR) {
    throw corrupt('its zip64 directory locator is missing');
  }
  const record = safeNumber(view.getBigUint64(locator + 8, true));
  if (record + 56 > view.byteLength || view.getUint32(record, true) !== ZIP64_EOCD) {
    throw corrupt('its zip64 end-of-central-directory record is missing');
  }
  return {
    count: safeNumber(view.getBigUint64(record + 32, true)),
    offset: safeNumber(view.getBigUint64(record + 48, true)),
  };
}

function centralHeader(view: DataView, at: number): CentralHeader {
  if (at + 46 > view.byteLength || view.getUint32(at, true) !== CENTRAL_HEADER) {
    throw corrupt('its central directory is damaged');
  }
  const nameLength = view.getUint16(at + 28, true);
  const extraLength = view.getUint16(at + 30, true);
  const commentLength = view.getUint16(at + 32, true);
  const next = at + 46 + nameLength + extraLength + commentLength;
  if (next > view.byteLength) throw corrupt('its central directory is truncated');
  const flags = view.getUint16(at + 8, true);
  const nameBytes = new Uint8Array(view.buffer, view.byteOffset + at + 46, nameLength);
  const header: CentralHeader = {
    name: new TextDecoder(flags & 0x800 ? 'utf-8' : 'latin1').decode(nameBytes),
    flags,
    method: view.getUint16(at + 10, true),
    crc: view.getUint32(at + 16, true),
    compressedSize: view.getUint32(at + 20, true),
    size: view.getUint32(at + 24, true),
    localOffset: view.getUint32(at + 42, true),
    next,
  };
  applyZip64Extra(view, at + 46 + nameLength, extraLength, header);
  return header;
}

/** Sizes and offsets that do not fit 32 bits live in the zip64 extra field (id 1), in order. */
function applyZip64Extra(
  view: DataView,
  start: number,
  length: number,
  header: CentralHeader,
): void {
  for (let at = start; at + 4 <= start + length;) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4;
      const next = (): number => {
        if (field + 8 > at + 4 + size) throw corrupt('its zip64 extra field is truncated');
        const value = safeNumber(view.getBigUint64(field, true));
        field += 8;
        return value;
      };
      if (header.size === 0xffffffff) header.size = next();
      if (header.compressedSize === 0xffffffff) header.compressedSize = next();
      if (header.localOffset === 0xffffffff) header.localOffset = next();
      return;
    }
    at += 4 + size;
  }
}

function entry(
  data: Uint8Array,
  view: DataView,
  header: CentralHeader,
  maxBytes: number,
): ArchiveEntry {
  return {
    name: header.name,
    size: header.size,
    read: () => {
      if (header.flags & 0x1)
        throw corrupt(`"${header.name}" is encrypted; zip it again without a password`);
      if (header.size > maxBytes) throw tooLarge(header.name);
      const start = dataStart(view, header);
      if (start + header.compressedSize > data.byteLength)
        throw corrupt(`"${header.name}" is truncated`);
      const compressed = data.subarray(start, start + header.compressedSize);
      const content = inflate(compressed, header, maxBytes);
      if (content.byteLength !== header.size || crc32(content) !== header.crc) {
        throw corrupt(`"${header.name}" fails its checksum`);
      }
      return content;
    },
  };
}

function dataStart(view: DataView, header: CentralHeader): number {
  const at = header.localOffset;
  if (at + 30 > view.byteLength || view.getUint32(at, true) !== LOCAL_HEADER) {
    throw corrupt(`the local header of "${header.name}" is missing`);
  }
  return at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
}

function inflate(compressed: Uint8Array, header: CentralHeader, maxBytes: number): Uint8Array {
  if (header.method === 0) return compressed;
  if (header.method !== 8) {
    throw corrupt(
      `"${header.name}" uses compression method ${header.method}; zip it again with deflate`,
    );
  }
  try {
    return inflateRawSync(compressed, { maxOutputLength: maxBytes });
  } catch (error) {
    if (error instanceof RangeError) throw tooLarge(header.name);
    const reason = error instanceof Error ? error.message : String(error);
    throw corrupt(`"${header.name}" cannot be decompressed (${reason})`);
  }
}

function safeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw corrupt('it declares impossible sizes');
  return Number(value);
}

function corrupt(reason: string): SkiffError {
  return new SkiffError(
    'INVALID_ARGUMENT',
    `The zip archive is corrupt or unsupported: ${reason}.`,
    { archive: 'zip', damage: reason },
  );
}
