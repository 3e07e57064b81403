/**
 * Lists the regular files of an (already decompressed) tar archive: ustar, GNU long
 * names and pax `path` records. Synchronous, because a pipeline package is read in one
 * go; every header is checksum-verified so a damaged archive fails with a clear reason.
 */
import { SkiffError } from '../../core/errors.js';
import type { ArchiveEntry } from './package-archive.js';

const BLOCK = 512;
const MAX_ENTRIES = 10_000;

export function listTarEntries(data: Uint8Array): ArchiveEntry[] {
  const entries: ArchiveEntry[] = [];
  let longName: string | undefined;
  let offset = 0;
  for (let headers = 0; offset + BLOCK <= data.byteLength; headers++) {
    if (headers > MAX_ENTRIES) throw corrupt(`it holds more than ${MAX_ENTRIES} entries`);
    const header = data.subarray(offset, offset + BLOCK);
    if (header.every((byte) => byte === 0)) break;
    verifyChecksum(header);
    const size = octal(header, 124, 12);
    const start = offset + BLOCK;
    if (start + size > data.byteLength) throw corrupt('it is truncated');
    const body = data.subarray(start, start + size);
    const type = String.fromCharCode(header[156] ?? 0);
    if (type === 'L') {
      longName = text(body, 0, body.byteLength);
    } else if (type === 'x') {
      longName = paxPath(body) ?? longName;
    } else if (type === '0' || type === '\0' || type === '7') {
      entries.push({ name: longName ?? headerName(header), size, read: () => body });
      longName = undefined;
    } else if (type !== 'g') {
      longName = undefined; // directories, links and devices carry no pipeline
    }
    offset = start + Math.ceil(size / BLOCK) * BLOCK;
  }
  return entries;
}

function headerName(header: Uint8Array): string {
  const name = text(header, 0, 100);
  const prefix = text(header, 345, 155);
  return prefix ? `${prefix}/${name}` : name;
}

function verifyChecksum(header: Uint8Array): void {
  const stored = octal(header, 148, 8);
  let sum = 0;
  for (let index = 0; index < BLOCK; index++) {
    sum += index >= 148 && index < 156 ? 0x20 : (header[index] ?? 0);
  }
  if (sum !== stored) throw corrupt('a header fails its checksum, so the archive is damaged');
}

function octal(header: Uint8Array, start: number, length: number): number {
  if ((header[start] ?? 0) & 0x80)
    throw corrupt('it holds a file too large for a pipeline package');
  const digits = text(header, start, length).trim();
  if (digits === '') return 0;
  if (!/^[0-7]+$/.test(digits)) throw corrupt('a header holds a malformed number');
  return Number.parseInt(digits, 8);
}

/** The `path` record of a pax extended header: lines of `<length> <key>=<value>\n`. */
function paxPath(body: Uint8Array): string | undefined {
  const records = new TextDecoder().decode(body).split('\n');
  for (const record of records) {
    const match = /^\d+ path=(.*)$/s.exec(record);
    if (match?.[1] !== undefined) return match[1];
  }
  return undefined;
}

function text(bytes: Uint8Array, start: number, length: number): string {
  const field = bytes.subarray(start, start + length);
  const end = field.indexOf(0);
  return new TextDecoder().decode(end === -1 ? field : field.subarray(0, end));
}

function corrupt(reason: string): SkiffError {
  return new SkiffError(
    'INVALID_ARGUMENT',
    `The tar archive is corrupt or unsupported: ${reason}.`,
    { archive: 'tar', damage: reason },
  );
}
