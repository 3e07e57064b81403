/** Pan and zoom as a transform `translate(x, y) scale(k)` of the graph in its viewport. */
import type { Box } from './graph-layout';

export interface Transform {
  x: number;
  y: number;
  k: number;
}

export interface Size {
  width: number;
  height: number;
}

export const MIN_SCALE = 0.1;
export const MAX_SCALE = 2;
const MARGIN = 16;

const clampScale = (k: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, k));

/** The whole graph in view and centred, never enlarged past 100 %. */
export function fitTransform(content: Size, viewport: Size): Transform {
  const usable = {
    width: Math.max(1, viewport.width - 2 * MARGIN),
    height: Math.max(1, viewport.height - 2 * MARGIN),
  };
  const k = clampScale(
    Math.min(
      1,
      usable.width / Math.max(1, content.width),
      usable.height / Math.max(1, content.height),
    ),
  );
  return {
    k,
    x: (viewport.width - content.width * k) / 2,
    y: (viewport.height - content.height * k) / 2,
  };
}

/** Zooms by `factor` keeping the graph point under `at` (viewport coordinates) still. */
export function zoomAt(t: Transform, factor: number, at: { x: number; y: number }): Transform {
  const k = clampScale(t.k * factor);
  const ratio = k / t.k;
  return { k, x: at.x - (at.x - t.x) * ratio, y: at.y - (at.y - t.y) * ratio };
}

/** The smallest pan that brings `box` (graph coordinates) fully into the viewport. */
export function reveal(t: Transform, box: Box, viewport: Size): Transform {
  const left = box.x * t.k + t.x;
  const top = box.y * t.k + t.y;
  const right = left + box.width * t.k;
  const bottom = top + box.height * t.k;
  let { x, y } = t;
  if (left < MARGIN) x += MARGIN - left;
  else if (right > viewport.width - MARGIN)
    x -= Math.min(right - (viewport.width - MARGIN), left - MARGIN);
  if (top < MARGIN) y += MARGIN - top;
  else if (bottom > viewport.height - MARGIN)
    y -= Math.min(bottom - (viewport.height - MARGIN), top - MARGIN);
  return { x, y, k: t.k };
}
