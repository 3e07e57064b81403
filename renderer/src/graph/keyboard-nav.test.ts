import { describe, expect, it } from 'vitest';
import { directionOf, nearestInDirection } from './keyboard-nav';

const box = (id: string, x: number, y: number) => ({ id, x, y, width: 100, height: 40 });
const items = [box('a', 0, 0), box('b', 0, 100), box('c', 150, 100), box('d', 300, 0)];

describe('nearestInDirection', () => {
  it('moves down to the closest node below, right along the row', () => {
    expect(nearestInDirection(items, 'a', 'down')?.id).toBe('b');
    expect(nearestInDirection(items, 'b', 'right')?.id).toBe('c');
    expect(nearestInDirection(items, 'a', 'right')?.id).toBe('d');
    expect(nearestInDirection(items, 'b', 'up')?.id).toBe('a');
  });

  it('stays put at an edge and starts at the first node when lost', () => {
    expect(nearestInDirection(items, 'a', 'up')).toBeUndefined();
    expect(nearestInDirection(items, 'gone', 'up')?.id).toBe('a');
    expect(directionOf('ArrowLeft')).toBe('left');
    expect(directionOf('Enter')).toBeUndefined();
  });
});
