import type { ArtifactView } from '@skiff/engine/api-contract';
import type { KfpRunRow } from '../../api/kfp-runs';
import { confusionMatrix, rocCurve, scalarMetrics } from '../../charts/classification-metrics';
import { runLabels } from './compare-runs';
import { scalarKeys, type RunScalars } from './metric-table';

export interface ComparedRun {
  run: KfpRunRow;
  label: string;
  artifacts: ArtifactView[];
  /** Why its artifacts could not be read; its metrics then show as missing. */
  artifactsError?: string;
}

export interface CompareSources {
  getRun: (id: string) => Promise<KfpRunRow>;
  listRunArtifacts: (id: string) => Promise<ArtifactView[]>;
  describeError: (error: unknown) => string;
}

/** Every run with its artifacts, fetched in parallel; a run that can't be read fails the whole page. */
export async function loadComparison(
  ids: readonly string[],
  sources: CompareSources,
): Promise<ComparedRun[]> {
  const loaded = await Promise.all(
    ids.map(async (id) => {
      const [run, artifacts] = await Promise.all([
        sources.getRun(id),
        sources.listRunArtifacts(id).then(
          (list) => ({ list }),
          (error: unknown) => ({ list: [], error: sources.describeError(error) }),
        ),
      ]);
      return { run, artifacts };
    }),
  );
  const labels = runLabels(loaded.map((l) => l.run));
  return loaded.map(({ run, artifacts }, i) => ({
    run,
    label: labels[i] ?? run.display_name,
    artifacts: artifacts.list,
    ...('error' in artifacts ? { artifactsError: artifacts.error } : {}),
  }));
}

const METRICS = 'system.Metrics';
const CLASSIFICATION = 'system.ClassificationMetrics';

/** A run's scalar metrics from its `system.Metrics` artifacts, keyed `artifact/metric`. */
export function runScalars(artifacts: readonly ArtifactView[]): RunScalars {
  return scalarKeys(
    artifacts
      .filter((a) => a.type === METRICS)
      .map((a) => ({
        name: a.name,
        taskName: a.producer?.taskName ?? '',
        scalars: scalarMetrics(a.metadata),
      })),
  );
}

/** One ROC curve per classification artifact of each run, labelled by run (and artifact when several). */
export function rocCurves(
  runs: readonly ComparedRun[],
): { label: string; fpr: number[]; tpr: number[] }[] {
  return runs.flatMap((r) => {
    const found = classification(r).flatMap((a) => {
      const curve = rocCurve(a.metadata);
      return curve ? [{ artifact: a, curve }] : [];
    });
    return found.map(({ artifact, curve }) => ({
      label: found.length > 1 ? `${r.label} · ${artifactName(artifact)}` : r.label,
      fpr: curve.fpr,
      tpr: curve.tpr,
    }));
  });
}

/** The confusion matrices of every run, in run order, each titled by run. */
export function confusionMatrices(
  runs: readonly ComparedRun[],
): { key: string; title: string; labels: string[]; matrix: number[][] }[] {
  return runs.flatMap((r) => {
    const found = classification(r).flatMap((a) => {
      const data = confusionMatrix(a.metadata);
      return data ? [{ artifact: a, data }] : [];
    });
    return found.map(({ artifact, data }) => ({
      key: artifact.artifactId,
      title: found.length > 1 ? `${r.label} · ${artifactName(artifact)}` : r.label,
      ...data,
    }));
  });
}

function classification(run: ComparedRun): ArtifactView[] {
  return run.artifacts.filter((a) => a.type === CLASSIFICATION);
}

function artifactName(artifact: ArtifactView): string {
  return artifact.producer ? `${artifact.producer.taskName}/${artifact.name}` : artifact.name;
}
