/** Electron's entry point (package.json "main": dist/main.js). */
import { startDesktopShell } from './desktop-shell.js';

startDesktopShell();
