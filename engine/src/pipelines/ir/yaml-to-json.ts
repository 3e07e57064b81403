/**
 * Converts a composed YAML document to plain JSON, refusing what YAML allows but a
 * pipeline never needs: alias expansion bombs, aliases that contain themselves,
 * duplicate keys (checked here in linear time; the yaml package's own check is
 * quadratic), keys that are not scalars, `__proto__`, and values JSON cannot hold
 * (NaN, infinities, binary).
 */
import { isAlias, isMap, isNode, isScalar, isSeq, type LineCounter } from 'yaml';
import type { SkiffError } from '../../core/errors.js';
import { documentError } from './document-error.js';
import { MAX_DOCUMENT_DEPTH, MAX_DOCUMENT_VALUES } from './package-limits.js';
import type { ProtoValue } from './pipeline-spec.js';

export function yamlToJson(node: unknown, name: string, lines: LineCounter): ProtoValue {
  return new NodeConverter(name, lines).convert(node, 0);
}

/** Anchors are recorded in document order, so an alias finds the latest one before it. */
class NodeConverter {
  private readonly anchors = new Map<string, unknown>();
  private readonly open = new Set<unknown>();
  private values = 0;

  constructor(
    private readonly name: string,
    private readonly lines: LineCounter,
  ) {}

  convert(node: unknown, depth: number): ProtoValue {
    if (++this.values > MAX_DOCUMENT_VALUES) {
      throw this.fail(
        node,
        `the document expands to more than ${MAX_DOCUMENT_VALUES} values (through YAML aliases?)`,
      );
    }
    if (depth > MAX_DOCUMENT_DEPTH)
      throw this.fail(node, `mappings and lists nest more than ${MAX_DOCUMENT_DEPTH} levels deep`);
    if (isAlias(node)) return this.alias(node.source, node, depth);
    if ((isMap(node) || isSeq(node) || isScalar(node)) && node.anchor)
      this.anchors.set(node.anchor, node);
    if (isScalar(node)) return this.scalar(node.value, node);
    this.open.add(node);
    try {
      if (isSeq(node)) return node.items.map((item) => this.convert(item, depth + 1));
      if (isMap(node)) return this.mapping(node.items, depth);
    } finally {
      this.open.delete(node);
    }
    if (node === null || node === undefined) return null;
    throw this.fail(node, 'a YAML value here is not JSON');
  }

  private alias(source: string, node: unknown, depth: number): ProtoValue {
    const target = this.anchors.get(source);
    if (target === undefined)
      throw this.fail(node, `alias *${source} is used before its anchor &${source}`);
    if (this.open.has(target))
      throw this.fail(node, `alias *${source} refers to a value that contains it`);
    return this.convert(target, depth);
  }

  private mapping(pairs: { key: unknown; value: unknown }[], depth: number): ProtoValue {
    const result: Record<string, ProtoValue> = {};
    for (const pair of pairs) {
      const key = this.key(pair.key);
      if (Object.hasOwn(result, key))
        throw this.fail(pair.key, `the key "${key}" appears twice; keys must be unique`);
      result[key] = pair.value === null ? null : this.convert(pair.value, depth + 1);
    }
    return result;
  }

  private key(node: unknown): string {
    const resolved = isAlias(node) ? this.anchors.get(node.source) : node;
    if (!isScalar(resolved))
      throw this.fail(node, 'a key is a mapping or list; keys must be strings');
    const value = resolved.value;
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw this.fail(node, 'a key is empty or null; keys must be strings');
    }
    const key = String(value);
    if (key === '__proto__') throw this.fail(node, 'the key "__proto__" is not allowed');
    return key;
  }

  private scalar(value: unknown, node: unknown): ProtoValue {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw this.fail(node, `the value ${String(value)} cannot be represented in JSON`);
    }
    if (
      value === null ||
      typeof value === 'string' ||
      typeof value === 'number' ||
      typeof value === 'boolean'
    ) {
      return value;
    }
    throw this.fail(node, 'binary and other non-JSON YAML values are not supported');
  }

  private fail(node: unknown, problem: string): SkiffError {
    const offset = isNode(node) ? node.range?.[0] : undefined;
    return documentError(
      this.name,
      offset === undefined ? undefined : this.lines.linePos(offset),
      problem,
    );
  }
}
