/**
 * Lightweight Python components start with a `pip install kfp==…` bootstrap. Offline,
 * Skiff runs them with its own executor (engine/runtime/python) instead.
 * (Placeholder until the offline runtime lands: returns argv unchanged.)
 */
export function rewriteLightweightPythonArgv(
  argv: readonly string[],
  _runtimeDir: string,
): string[] {
  return [...argv];
}
