import { describe, expect, it } from 'vitest';
import { compile } from './compile.js';
import { exitHandler } from './exit-handler.js';
import { forEach } from './for-each.js';
import { param } from './parameter.js';
import { pipeline } from './pipeline.js';
import { compileChecked } from './testing/compile-checked.js';
import { echo, notify, produce } from './testing/sample-components.js';

describe('exitHandler', () => {
  it('runs the exit task after the guarded group, with its final status', () => {
    const p = pipeline({ name: 'guarded', inputs: { room: param.string() } }, ({ inputs }) => {
      exitHandler(notify({ channel: inputs.room }), () => {
        const data = produce();
        echo({ msg: data.outputs.text });
      });
    });
    const spec = compileChecked(p);
    expect(Object.keys(spec.root.dag?.tasks ?? {}).sort()).toEqual(['exit-handler-1', 'notify']);
    expect(spec.root.dag?.tasks.notify).toEqual({
      taskInfo: { name: 'notify' },
      componentRef: { name: 'comp-notify' },
      cachingOptions: { enableCache: true },
      dependentTasks: ['exit-handler-1'],
      triggerPolicy: { strategy: 'ALL_UPSTREAM_TASKS_COMPLETED' },
      inputs: {
        parameters: {
          channel: { componentInputParameter: 'room' },
          status: { taskFinalStatus: { producerTask: 'exit-handler-1' } },
        },
      },
    });
    expect(spec.components?.['comp-notify']?.inputDefinitions?.parameters?.status).toEqual({
      parameterType: 'TASK_FINAL_STATUS',
      isOptional: true,
    });
    expect(Object.keys(spec.components?.['comp-exit-handler-1']?.dag?.tasks ?? {}).sort()).toEqual([
      'echo',
      'produce',
    ]);
  });

  it('numbers several exit handlers in order and keeps their display names', () => {
    const p = pipeline({ name: 'two-handlers' }, () => {
      exitHandler(notify(), () => echo({ msg: 'one' }), { name: 'first' });
      exitHandler(notify({ channel: '#ops' }), () => echo({ msg: 'two' }));
    });
    const tasks = compileChecked(p).root.dag?.tasks ?? {};
    expect(tasks['exit-handler-1']?.taskInfo.name).toBe('first');
    expect(tasks['notify-2']?.dependentTasks).toEqual(['exit-handler-2']);
  });

  describe('rejects', () => {
    it('an exit handler inside a loop', () => {
      const p = pipeline({ name: 'nested' }, () => {
        forEach([1], () => exitHandler(notify(), () => undefined));
      });
      expect(() => compile(p)).toThrow(/only be used at the top level/);
    });

    it('an exit task that depends on another task', () => {
      const p = pipeline({ name: 'depends' }, () => {
        const data = produce();
        exitHandler(echo({ msg: data.outputs.text }), () => undefined);
      });
      expect(() => compile(p)).toThrow(/cannot depend on other tasks/);
    });

    it('a final-status input on an ordinary task', () => {
      const p = pipeline({ name: 'ordinary' }, () => {
        notify();
      });
      expect(() => compile(p)).toThrow(/can only be the exit task/);
    });
  });
});
