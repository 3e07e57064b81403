/** One Skiff per user: a second launch hands over to the first and leaves. */
import { app } from 'electron';

/**
 * Takes the single-instance lock. Returns false when another Skiff holds it (the caller
 * then quits); otherwise calls `onSecondInstance` each time another launch is attempted.
 */
export function claimSingleInstance(onSecondInstance: () => void): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', () => onSecondInstance());
  return true;
}
