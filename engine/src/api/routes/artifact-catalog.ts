import type {
  ArtifactRepository,
  StoredArtifact,
} from '../../pipelines/runs/artifact-repository.js';
import type { TaskRepository } from '../../pipelines/runs/task-repository.js';
import type { ArtifactRef, TaskIo, TaskRecord } from '../../pipelines/scheduler/run-model.js';
import {
  API_ROUTES,
  type ArtifactDetail,
  type ArtifactView,
  type TaskIoView,
} from '../contract.js';
import { localPathOf } from './artifact-location.js';
import { memoLookup, taskLink, type TaskLookup } from './task-label.js';

/** What the artifact table knows of one artifact beyond its ArtifactRef. */
interface Stored {
  ref: ArtifactRef;
  outputKey: string;
  producerTaskId: string | null;
  sizeBytes: number | null;
}

/**
 * The UI's read model of artifacts: views with lineage (producer, consumers) built from
 * the artifact and task tables. Each call works with one memoised task lookup.
 */
export class ArtifactCatalog {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly artifacts: ArtifactRepository,
  ) {}

  /** Where an artifact's bytes are and what it is, for the content route. */
  ref(artifactId: string): ArtifactRef | undefined {
    return this.#stored(artifactId)?.ref;
  }

  get(artifactId: string): ArtifactDetail | undefined {
    const stored = this.#stored(artifactId);
    if (!stored) return undefined;
    const lookup = this.#lookup();
    const consumers = this.artifacts.consumersOf(artifactId).flatMap(({ taskId }) => {
      const task = lookup(taskId);
      return task ? [taskLink(task, lookup)] : [];
    });
    const unique = [...new Map(consumers.map((c) => [c.taskId, c])).values()];
    return { ...this.#view(stored, lookup), consumers: unique };
  }

  /** Every artifact the run's tasks produced, including those a cache hit reused. */
  listByRun(runId: string, tasks: readonly TaskRecord[]): ArtifactView[] {
    const lookup = this.#lookup(tasks);
    const views = new Map<string, ArtifactView>();
    for (const artifact of this.artifacts.listByRun(runId)) {
      views.set(artifact.artifactId, this.#view(storedOf(artifact), lookup));
    }
    for (const task of tasks) {
      if (task.kind !== 'container' && task.kind !== 'importer') continue;
      for (const [key, refs] of Object.entries(task.outputs.artifacts)) {
        for (const ref of refs) {
          if (views.has(ref.artifactId)) continue;
          views.set(ref.artifactId, this.#view(this.#storedOrRef(ref, key, task), lookup));
        }
      }
    }
    return [...views.values()];
  }

  /** A task's inputs or outputs with each artifact as a view (producer included). */
  ioView(io: TaskIo, task: TaskRecord, side: 'inputs' | 'outputs'): TaskIoView {
    const lookup = this.#lookup();
    const artifacts: TaskIoView['artifacts'] = {};
    for (const [key, refs] of Object.entries(io.artifacts)) {
      artifacts[key] = refs.map((ref) => {
        const stored =
          this.#stored(ref.artifactId) ??
          (side === 'outputs' ? producedBy(ref, key, task) : refStored(ref));
        return this.#view({ ...stored, ref }, lookup);
      });
    }
    return { parameters: io.parameters, artifacts };
  }

  #lookup(known: readonly TaskRecord[] = []): TaskLookup {
    const byId = new Map(known.map((task) => [task.taskId, task]));
    return memoLookup((taskId) => byId.get(taskId) ?? this.tasks.get(taskId));
  }

  #stored(artifactId: string): Stored | undefined {
    const artifact = this.artifacts.get(artifactId);
    return artifact === undefined ? undefined : storedOf(artifact);
  }

  #storedOrRef(ref: ArtifactRef, outputKey: string, task: TaskRecord): Stored {
    return this.#stored(ref.artifactId) ?? producedBy(ref, outputKey, task);
  }

  #view(stored: Stored, lookup: TaskLookup): ArtifactView {
    const { ref } = stored;
    const producer = stored.producerTaskId === null ? undefined : lookup(stored.producerTaskId);
    const view: ArtifactView = {
      artifactId: ref.artifactId,
      name: stored.outputKey,
      type: ref.type.schemaTitle ?? 'system.Artifact',
      uri: ref.uri,
      metadata: ref.metadata,
      sizeBytes: stored.sizeBytes,
      producer: producer ? taskLink(producer, lookup) : null,
    };
    if (localPathOf(ref.uri) !== undefined)
      view.contentUrl = API_ROUTES.artifactContent(ref.artifactId);
    return view;
  }
}

/** An input artifact the table does not know (e.g. its run was deleted): no lineage. */
function refStored(ref: ArtifactRef): Stored {
  return { ref, outputKey: ref.name, producerTaskId: null, sizeBytes: null };
}

/** An output the table does not know yet (the task is still being recorded). */
function producedBy(ref: ArtifactRef, outputKey: string, task: TaskRecord): Stored {
  return { ref, outputKey, producerTaskId: task.taskId, sizeBytes: null };
}

function storedOf(artifact: StoredArtifact): Stored {
  const { artifactId, name, type, uri, metadata } = artifact;
  return {
    ref: { artifactId, name, type, uri, metadata },
    outputKey: artifact.outputKey,
    producerTaskId: artifact.producerTaskId || null,
    sizeBytes: artifact.sizeBytes ?? null,
  };
}
