/**
 * Turns the bytes of a pipeline file into plain JSON values, one per YAML document (JSON
 * is read as itself). Errors name the line and column. Deep nesting is refused on the
 * syntax tree, before composing, because the composer recurses; yaml-to-json.ts refuses
 * the rest of what YAML allows but a pipeline never needs.
 */
import { Composer, LineCounter, Parser, type CST, type Document, type YAMLError } from 'yaml';
import { SkiffError } from '../../core/errors.js';
import { documentError } from './document-error.js';
import { jsonValue } from './json-value.js';
import { hasUtf16Bom } from './package-format.js';
import { MAX_DOCUMENT_DEPTH } from './package-limits.js';
import type { ProtoValue } from './pipeline-spec.js';
import { firstUnterminatedQuote, reindentQuotedScalar } from './yaml-quote-repair.js';
import { yamlToJson } from './yaml-to-json.js';

const MAX_QUOTE_REPAIRS = 50;
const MAX_REPAIR_WORK = 64 * 1024 * 1024;

/** The non-empty documents of the file, in order. */
export function parsePipelineDocuments(bytes: Uint8Array, name: string): ProtoValue[] {
  const text = decode(bytes, name);
  const start = text.trimStart();
  if (start.startsWith('{') || start.startsWith('[')) {
    try {
      return [jsonValue(JSON.parse(text), name)];
    } catch (error) {
      if (error instanceof SkiffError) throw error;
      if (/\.json$/i.test(name)) {
        const reason = error instanceof Error ? error.message : String(error);
        throw documentError(name, jsonErrorPlace(text, error), `invalid JSON: ${reason}`);
      }
    }
  }
  return parseYaml(text, name);
}

function decode(bytes: Uint8Array, name: string): string {
  const encoding = !hasUtf16Bom(bytes) ? 'utf-8' : bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
  try {
    // The decoder drops a byte-order mark itself.
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new SkiffError(
      'INVALID_ARGUMENT',
      `"${name}" is not text (it is not valid ${encoding.toUpperCase()}), so it is not a pipeline YAML. Upload the YAML file kfp.compiler wrote.`,
    );
  }
}

interface Composed {
  tokens: CST.Token[];
  documents: Document.Parsed[];
  lines: LineCounter;
}

function parseYaml(text: string, name: string): ProtoValue[] {
  const parsed = compose(text, name);
  const error = firstError(parsed);
  const usable = error ? repairQuotes(text, name, parsed) : parsed;
  if (error && !usable)
    throw documentError(name, parsed.lines.linePos(error.pos[0]), `invalid YAML: ${error.message}`);
  const { documents, lines } = usable ?? parsed;
  const values: ProtoValue[] = [];
  for (const document of documents) {
    if (document.contents === null) continue; // only comments, or a stray `---`
    values.push(yamlToJson(document.contents, name, lines));
  }
  return values;
}

function compose(text: string, name: string): Composed {
  const lines = new LineCounter();
  const tokens = Array.from(new Parser(lines.addNewLine).parse(text));
  const tooDeep = deepestOffset(tokens);
  if (tooDeep !== undefined) {
    throw documentError(
      name,
      lines.linePos(tooDeep),
      `mappings and lists nest more than ${MAX_DOCUMENT_DEPTH} levels deep`,
    );
  }
  const documents = Array.from(
    new Composer({ uniqueKeys: false }).compose(tokens, true, text.length),
  );
  return { tokens, documents, lines };
}

function firstError(parsed: Composed): YAMLError | undefined {
  return parsed.documents.find((document) => document.errors.length > 0)?.errors[0];
}

/** The parse of `text` with under-indented quoted strings fixed (yaml-quote-repair.ts), if that clears every error. */
function repairQuotes(text: string, name: string, parsed: Composed): Composed | undefined {
  let current = parsed;
  let source = text;
  for (
    let attempt = 0;
    attempt < MAX_QUOTE_REPAIRS && source.length * attempt < MAX_REPAIR_WORK;
    attempt++
  ) {
    const error = firstError(current);
    if (!error) return current;
    if (error.code !== 'MISSING_CHAR' || !error.message.includes('quote')) return undefined;
    const offset = firstUnterminatedQuote(current.tokens);
    const repaired = offset === undefined ? undefined : reindentQuotedScalar(source, offset);
    if (repaired === undefined) return undefined;
    source = repaired;
    current = compose(source, name);
  }
  return firstError(current) ? undefined : current;
}

/** The offset of the first collection nested deeper than allowed, walking without recursion. */
function deepestOffset(tokens: CST.Token[]): number | undefined {
  const stack: [CST.Token | null | undefined, number][] = tokens.map((token) => [token, 0]);
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [token, depth] = next;
    if (!token) continue;
    if (token.type === 'document') {
      stack.push([token.value, depth]);
    } else if ('items' in token) {
      if (depth >= MAX_DOCUMENT_DEPTH) return token.offset;
      const items: { key?: CST.Token | null; value?: CST.Token }[] = token.items;
      for (const item of items) stack.push([item.key, depth + 1], [item.value, depth + 1]);
    }
  }
  return undefined;
}

function jsonErrorPlace(text: string, error: unknown): { line: number; col: number } | undefined {
  const position = /position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
  if (position === undefined) return undefined;
  const before = text.slice(0, Number(position)).split('\n');
  return { line: before.length, col: (before.at(-1)?.length ?? 0) + 1 };
}
