/** What a node says, on screen and to a screen reader: "train-model, Succeeded, 12 s". */
import type { ViewNode } from './graph-view';
import { durationText, stateLabel } from './task-status';

const GROUP_WORDS = {
  condition: 'Condition',
  branches: 'If / else',
  loop: 'ParallelFor',
  nested: 'Pipeline',
  'exit-handler': 'Exit handler',
} as const;

/** "ParallelFor ×5", "Condition", "Iteration 3". */
export function groupWord(node: ViewNode): string {
  if (node.type === 'iteration') return node.label;
  const word = node.group ? GROUP_WORDS[node.group] : 'Sub-DAG';
  return node.count !== undefined ? `${word} ×${node.count}` : word;
}

/** The second line of a task node: state and duration in a run, the kind before one. */
export function taskDetail(node: ViewNode, now: number): string {
  const parts: string[] = [];
  if (node.task) {
    parts.push(stateLabel(node.task.state));
    const duration = durationText(node.task.startedAt, node.task.finishedAt, now);
    if (duration) parts.push(duration);
  } else {
    parts.push(node.taskKind === 'importer' ? 'Importer' : 'Container');
  }
  if (node.runsOnExit) parts.push('runs on exit');
  return parts.join(' · ');
}

export function accessibleName(node: ViewNode, now: number): string {
  if (node.type === 'task') {
    const parts = [node.label, ...taskDetail(node, now).split(' · ')];
    if (node.task?.cached) parts.push('cached');
    return parts.join(', ');
  }
  const parts = [node.type === 'iteration' ? node.label : `${groupWord(node)} ${node.label}`];
  if (node.condition) parts.push(`if ${node.condition}`);
  if (node.task && node.type === 'group') parts.push(stateLabel(node.task.state));
  if (node.summary) parts.push(node.summary);
  return parts.join(', ');
}
