import { describe, expect, it } from 'vitest';
import { matchesPattern, resolveImage } from './image-map.js';

const defaults = {
  'python:*': 'local/python-ml:bookworm',
  'alpine*': 'local/busybox:1',
  'busybox*': 'local/busybox:1',
};

describe('resolveImage', () => {
  it('maps python:3.11 through the python:* pattern', () => {
    expect(resolveImage('python:3.11', defaults)).toBe('local/python-ml:bookworm');
  });

  it('maps alpine:3.19 through alpine*', () => {
    expect(resolveImage('alpine:3.19', defaults)).toBe('local/busybox:1');
  });

  it('leaves an unmapped image as it is', () => {
    expect(resolveImage('gcr.io/x/y:1', defaults)).toBe('gcr.io/x/y:1');
    expect(resolveImage('local/busybox:1', defaults)).toBe('local/busybox:1');
  });

  it('prefers an exact key over any wildcard', () => {
    const map = { 'python:*': 'local/a', 'python:3.11*': 'local/b', 'python:3.11': 'local/c' };
    expect(resolveImage('python:3.11', map)).toBe('local/c');
  });

  it('prefers the longest wildcard pattern whatever the key order', () => {
    const map = { 'python:3.11*': 'local/b', '*': 'local/any', 'python:*': 'local/a' };
    expect(resolveImage('python:3.11-slim', map)).toBe('local/b');
    expect(resolveImage('python:3.12', map)).toBe('local/a');
    expect(resolveImage('node:20', map)).toBe('local/any');
  });

  it('breaks a length tie by fewer wildcards, then by the longer literal start', () => {
    expect(resolveImage('ab:1', { 'a**:1': 'local/x', 'ab:*1': 'local/y' })).toBe('local/y');
    expect(resolveImage('ab:1', { 'a*:1': 'local/x', 'ab:*': 'local/y' })).toBe('local/y');
    expect(resolveImage('ab:1', { 'ab:*': 'local/y', 'a*:1': 'local/x' })).toBe('local/y');
  });

  it('treats an untagged name as :latest, as Docker does', () => {
    expect(resolveImage('python', defaults)).toBe('local/python-ml:bookworm');
    expect(resolveImage('python', { python: 'local/p' })).toBe('local/p');
  });

  it('matches Docker Hub names written in full', () => {
    expect(resolveImage('docker.io/library/python:3.11', defaults)).toBe(
      'local/python-ml:bookworm',
    );
    expect(resolveImage('docker.io/pytorch/pytorch:2', { 'pytorch/*': 'local/torch:1' })).toBe(
      'local/torch:1',
    );
  });

  it('does not find keys of Object.prototype', () => {
    expect(resolveImage('constructor', {})).toBe('constructor');
  });
});

describe('matchesPattern', () => {
  it('matches * across slashes and colons and nothing else loosely', () => {
    expect(matchesPattern('gcr.io/x/y:1', 'gcr.io/*')).toBe(true);
    expect(matchesPattern('gcrxio/x', 'gcr.io/*')).toBe(false);
    expect(matchesPattern('python:3.11', 'python:3.1')).toBe(false);
    expect(matchesPattern('a+b:1', 'a+b:*')).toBe(true);
  });
});
