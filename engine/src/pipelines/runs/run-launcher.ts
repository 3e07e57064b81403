/**
 * How the KFP API hands stored runs to the scheduler. The API writes the run row
 * (state PENDING, pipeline_spec, runtime_config) in a transaction, then calls start().
 */
export interface RunLauncher {
  /** Starts a stored PENDING run in the background; the run's row is updated as it goes. */
  start(runId: string): void;
  /** Stops a running run: containers and processes stop within seconds, state → CANCELED. */
  terminate(runId: string): void;
  /** Runs a FAILED or CANCELED run again, reusing the outputs of tasks that succeeded. */
  retry(runId: string): void;
}
