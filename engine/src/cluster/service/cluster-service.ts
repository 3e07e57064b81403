/**
 * The local cluster's state machine (Rancher Desktop style): NONE → CREATING →
 * INSTALLING → RUNNING; STOPPING → STOPPED; STARTING; DELETING; ERROR with the failed
 * step, last command and last log lines. Each transition is persisted and announced.
 */
import { join } from 'node:path';
import type {
  ClusterOperationStarted,
  ClusterState,
  ClusterStatus,
  OperationFailure,
} from '../../api/contract.js';
import { notFound, SkiffError } from '../../core/errors.js';
import type { EventBus } from '../../core/event-bus.js';
import type { OperationContext } from '../../core/operation.js';
import type { Operations } from '../../core/operations.js';
import type { Clock, Logger } from '../../core/ports.js';
import type { ClusterSpec } from '../cluster-types.js';
import type { ClusterPorts } from './cluster-ports.js';
import type { ClusterRecord, ClusterRepository } from './cluster-repository.js';
import { validateCreateRequest, type ValidCreateRequest } from './cluster-request.js';
import { CREATE_STEPS, createSteps, deleteSteps, startSteps, stopSteps } from './cluster-steps.js';
import {
  BUSY_STATES,
  clusterStatusView,
  mergeInstallProgress,
  noClusterStatus,
  type ClusterLiveFacts,
} from './cluster-view.js';

export interface ClusterServiceDeps {
  ports: ClusterPorts;
  operations: Operations;
  events: EventBus;
  repository: ClusterRepository;
  clock: Clock;
  logger: Logger;
  /** $SKIFF_HOME/clusters: each cluster's kubeconfig lives in a folder here. */
  clustersDir: string;
}

interface Transition {
  busy: ClusterState;
  done: ClusterState;
  kind: string;
  title: string;
  steps: number;
  work: (record: ClusterRecord, op: OperationContext) => Promise<void>;
}

export class ClusterService {
  #record: ClusterRecord | undefined;
  #facts: ClusterLiveFacts = { install: [], components: [], endpoints: [], forwards: [] };

  constructor(readonly deps: ClusterServiceDeps) {
    this.#record = deps.repository.current();
  }

  get record(): ClusterRecord | undefined {
    return this.#record;
  }

  /** The status as last known, without asking the cluster (for events). */
  snapshot(): ClusterStatus {
    const record = this.#record;
    if (record === undefined) return noClusterStatus(this.deps.clock.now());
    return clusterStatusView(record, {
      ...this.#facts,
      forwards: this.deps.ports.forwarder.states(),
    });
  }

  create(body: unknown): ClusterOperationStarted {
    const request = validateCreateRequest(body);
    const existing = this.#record;
    if (existing !== undefined && existing.state !== 'ERROR') {
      throw new SkiffError(
        'ALREADY_EXISTS',
        `A cluster "${existing.spec.name}" already exists (${existing.state}); delete it first with \`skiff cluster delete\`.`,
        { name: existing.spec.name },
      );
    }
    for (const field of ['name', 'provider'] as const) {
      if (existing === undefined || existing.spec[field] === request[field]) continue;
      throw new SkiffError(
        'ALREADY_EXISTS',
        `${field}: the failed ${existing.spec.provider} cluster "${existing.spec.name}" still exists; retry with the same ${field} ("${existing.spec[field]}") or delete it first with \`skiff cluster delete\`.`,
        { field, name: existing.spec.name },
      );
    }
    const now = this.deps.clock.now().toISOString();
    this.#record = {
      spec: this.#spec(request),
      profile: request.profile,
      state: 'NONE',
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    this.#facts = { ...this.#facts, install: [], components: [], usage: undefined };
    return this.#run(this.#record, {
      busy: 'CREATING',
      done: 'RUNNING',
      kind: 'cluster.create',
      title: `Create cluster "${request.name}"`,
      steps: CREATE_STEPS,
      work: (record, op) =>
        createSteps(this.deps.ports, record, op, {
          onInstalling: () => this.#save({ state: 'INSTALLING' }),
          onInstallProgress: (progress) => {
            this.#facts.install = mergeInstallProgress(this.#facts.install, progress);
            this.#publish(false);
          },
        }),
    });
  }

  start(): ClusterOperationStarted {
    const record = this.#expect(['STOPPED', 'ERROR'], 'start');
    return this.#run(record, {
      busy: 'STARTING',
      done: 'RUNNING',
      kind: 'cluster.start',
      title: `Start cluster "${record.spec.name}"`,
      steps: 3,
      work: (current, op) => startSteps(this.deps.ports, current, op),
    });
  }

  stop(): ClusterOperationStarted {
    const record = this.#expect(['RUNNING', 'ERROR'], 'stop');
    return this.#run(record, {
      busy: 'STOPPING',
      done: 'STOPPED',
      kind: 'cluster.stop',
      title: `Stop cluster "${record.spec.name}"`,
      steps: 2,
      work: (current, op) => stopSteps(this.deps.ports, current, op),
    });
  }

  delete(): ClusterOperationStarted {
    const record = this.#expect(['RUNNING', 'STOPPED', 'ERROR'], 'delete');
    return this.#run(record, {
      busy: 'DELETING',
      done: 'NONE',
      kind: 'cluster.delete',
      title: `Delete cluster "${record.spec.name}"`,
      steps: 3,
      work: (current, op) => deleteSteps(this.deps.ports, current, op),
    });
  }

  /** Moves to `state` (persisted, announced); NONE removes the cluster. */
  transition(state: ClusterState, failure?: OperationFailure): void {
    this.#save({ state, failure });
  }

  /** Live facts (health, usage, forwards) changed: announce them. */
  updateFacts(changes: Partial<ClusterLiveFacts>): void {
    this.#facts = { ...this.#facts, ...changes };
    this.#publish(false);
  }

  close(): void {
    this.deps.ports.forwarder.stop();
  }

  #run(record: ClusterRecord, transition: Transition): ClusterOperationStarted {
    const started = this.deps.operations.start(
      { kind: transition.kind, title: transition.title, steps: transition.steps },
      (op) => transition.work(record, op),
    );
    const id = started.operation.id;
    this.#save({ state: transition.busy, operationId: id, failure: undefined });
    started.result
      .then(
        () => {
          this.#facts.install = [];
          this.#save({ state: transition.done });
        },
        () => {
          const failure = this.deps.operations.get(id).error;
          this.#save({
            state: 'ERROR',
            failure: failure ?? { code: 'INTERNAL', message: 'failed' },
          });
        },
      )
      .catch((error: unknown) => {
        this.deps.logger.log('error', `Cluster state not saved: ${(error as Error).message}`);
      });
    return { operation: this.deps.operations.get(id), cluster: this.snapshot() };
  }

  #expect(states: ClusterState[], action: string): ClusterRecord {
    const record = this.#record;
    if (record === undefined) {
      throw new SkiffError(
        'NOT_FOUND',
        'There is no cluster; create one with `skiff cluster create`.',
      );
    }
    if (!states.includes(record.state)) {
      const busy = BUSY_STATES.has(record.state) && record.operationId !== undefined;
      const wait = busy
        ? ` Wait for operation ${record.operationId} or cancel it with \`skiff operations cancel ${record.operationId}\`.`
        : '';
      throw new SkiffError(
        'FAILED_PRECONDITION',
        `Cannot ${action} cluster "${record.spec.name}": it is ${record.state}; ${action} needs ${states.join(' or ')}.${wait}`,
        { state: record.state },
      );
    }
    return record;
  }

  #spec(request: ValidCreateRequest): ClusterSpec {
    return {
      name: request.name,
      provider: request.provider,
      nodes: request.nodes,
      gpus: request.gpus,
      // Component access goes through the engine's port-forwards, not NodePorts.
      ports: [],
      kubeconfigPath: join(this.deps.clustersDir, request.name, 'kubeconfig'),
    };
  }

  #save(changes: Partial<Pick<ClusterRecord, 'state' | 'operationId' | 'failure'>>): void {
    const record = this.#record;
    if (record === undefined) throw notFound('Cluster', '(none)');
    const next: ClusterRecord = {
      ...record,
      ...changes,
      updatedAt: this.deps.clock.now().toISOString(),
    };
    if (changes.failure === undefined && 'failure' in changes) delete next.failure;
    if (next.state === 'NONE') {
      this.deps.repository.remove(record.spec.name);
      this.#record = undefined;
    } else {
      this.deps.repository.save(next);
      this.#record = next;
    }
    this.#publish(true);
  }

  #publish(durable: boolean): void {
    this.deps.events.publish({ type: 'cluster.updated', data: this.snapshot() }, { durable });
  }
}
