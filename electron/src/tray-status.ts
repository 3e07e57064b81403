/** What the tray says: how many operations are running, and the menu under it. */
import type { DeliveredEvent } from '@skiff/engine';

/** Counts RUNNING operations from the engine's `operation.updated` events. */
export class RunningOperations {
  private readonly running = new Set<string>();

  get count(): number {
    return this.running.size;
  }

  /** Applies one event; returns true when the count changed. */
  apply(event: DeliveredEvent): boolean {
    if (event.type !== 'operation.updated') return false;
    const before = this.running.size;
    if (event.data.state === 'RUNNING') this.running.add(event.data.id);
    else this.running.delete(event.data.id);
    return this.running.size !== before;
  }
}

export function statusText(running: number): string {
  if (running === 0) return 'Skiff is running — no operations';
  if (running === 1) return 'Skiff is running — 1 operation';
  return `Skiff is running — ${running} operations`;
}

/** A subset of Electron's MenuItemConstructorOptions, so the template is plain data. */
export interface TrayMenuItem {
  label?: string;
  type?: 'normal' | 'separator';
  enabled?: boolean;
  click?: () => void;
}

export interface TrayActions {
  open(): void;
  quit(): void;
}

export function trayMenuTemplate(running: number, actions: TrayActions): TrayMenuItem[] {
  return [
    { label: statusText(running), enabled: false },
    { type: 'separator' },
    { label: 'Open Skiff', click: () => actions.open() },
    { label: 'Quit', click: () => actions.quit() },
  ];
}
