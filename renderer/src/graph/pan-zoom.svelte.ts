/** Drag to pan, Ctrl/⌘ + wheel (or a pinch) to zoom, wheel to pan when the graph overflows. */
import type { Box } from './graph-layout';
import { fitTransform, reveal, zoomAt, type Size, type Transform } from './viewport';

export class PanZoom {
  transform = $state<Transform>({ x: 0, y: 0, k: 1 });
  /** Once the user pans or zooms, a new layout no longer refits the view. */
  moved = false;
  #drag: { id: number; x: number; y: number } | undefined;

  fit(content: Size, viewport: Size): void {
    this.transform = fitTransform(content, viewport);
    this.moved = false;
  }

  zoom(factor: number, viewport: Size, at?: { x: number; y: number }): void {
    this.transform = zoomAt(
      this.transform,
      factor,
      at ?? { x: viewport.width / 2, y: viewport.height / 2 },
    );
    this.moved = true;
  }

  actualSize(viewport: Size): void {
    this.zoom(1 / this.transform.k, viewport);
  }

  reveal(box: Box, viewport: Size): void {
    const next = reveal(this.transform, box, viewport);
    if (next.x !== this.transform.x || next.y !== this.transform.y) this.transform = next;
  }

  wheel(event: WheelEvent, content: Size, viewport: Size): void {
    const rect = (event.currentTarget as HTMLElement).getBoundingClientRect();
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      const at = { x: event.clientX - rect.left, y: event.clientY - rect.top };
      this.zoom(Math.exp(-event.deltaY / 300), viewport, at);
      return;
    }
    const { k, x, y } = this.transform;
    const overflows = content.width * k > viewport.width || content.height * k > viewport.height;
    if (!overflows) return; // let the page scroll
    event.preventDefault();
    this.transform = { k, x: x - event.deltaX, y: y - event.deltaY };
    this.moved = true;
  }

  pointerDown(event: PointerEvent): void {
    // Presses on nodes stay clicks; only the background drags.
    if (event.button !== 0 || (event.target as Element).closest('button')) return;
    this.#drag = { id: event.pointerId, x: event.clientX, y: event.clientY };
    (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
  }

  pointerMove(event: PointerEvent): void {
    const drag = this.#drag;
    if (!drag || drag.id !== event.pointerId) return;
    const { k, x, y } = this.transform;
    this.transform = { k, x: x + event.clientX - drag.x, y: y + event.clientY - drag.y };
    this.#drag = { id: drag.id, x: event.clientX, y: event.clientY };
    this.moved = true;
  }

  pointerUp(event: PointerEvent): void {
    if (this.#drag?.id === event.pointerId) this.#drag = undefined;
  }
}
