/** The tray icon: live status from engine events, "Open Skiff" and "Quit". */
import { Menu, nativeImage, Tray } from 'electron';
import type { RunningEngine } from '@skiff/engine';
import {
  RunningOperations,
  statusText,
  trayMenuTemplate,
  type TrayActions,
} from './tray-status.js';

export interface AppTray {
  tray: Tray;
  /** Stops following engine events and removes the icon. */
  dispose(): void;
}

export function createAppTray(
  engine: Pick<RunningEngine, 'onEvent'>,
  iconPath: string,
  actions: TrayActions,
): AppTray {
  const icon = nativeImage.createFromPath(iconPath);
  // macOS recolours "template" images for light and dark menu bars.
  if (process.platform === 'darwin') icon.setTemplateImage(true);
  const tray = new Tray(icon);
  const operations = new RunningOperations();

  const render = (): void => {
    tray.setToolTip(statusText(operations.count));
    tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(operations.count, actions)));
  };
  render();
  const unsubscribe = engine.onEvent((event) => {
    if (operations.apply(event)) render();
  });
  // Windows users expect a click on the tray icon to bring the window back.
  if (process.platform === 'win32') tray.on('click', () => actions.open());

  return {
    tray,
    dispose() {
      unsubscribe();
      tray.destroy();
    },
  };
}
