import { describe, expect, it } from 'vitest';
import { compile } from './compile.js';
import { forEach } from './for-each.js';
import { param } from './parameter.js';
import { pipeline } from './pipeline.js';
import type { ParamRef } from './refs.js';
import { compileChecked } from './testing/compile-checked.js';
import { echo, produce } from './testing/sample-components.js';
import { when } from './when.js';

const condition = (spec: ReturnType<typeof compile>, component: string, task: string) =>
  (component === 'root' ? spec.root : spec.components?.[component])?.dag?.tasks[task]?.triggerPolicy
    ?.condition;

describe('when', () => {
  it('compiles a branch to a condition sub-DAG that receives the values it reads', () => {
    const p = pipeline({ name: 'branch', inputs: { mode: param.string() } }, ({ inputs }) => {
      const data = produce();
      when(data.outputs.score.gt(0.9), () => {
        echo({ msg: inputs.mode });
      });
    });
    const spec = compileChecked(p);
    expect(spec.root.dag?.tasks['condition-1']).toEqual({
      taskInfo: { name: 'condition-1' },
      componentRef: { name: 'comp-condition-1' },
      dependentTasks: ['produce'],
      inputs: {
        parameters: {
          'pipelinechannel--mode': { componentInputParameter: 'mode' },
          'pipelinechannel--produce-score': {
            taskOutputParameter: { producerTask: 'produce', outputParameterKey: 'score' },
          },
        },
      },
      triggerPolicy: {
        condition: "inputs.parameter_values['pipelinechannel--produce-score'] > 0.9",
      },
    });
    expect(spec.components?.['comp-condition-1']).toEqual({
      dag: {
        tasks: {
          echo: {
            taskInfo: { name: 'echo' },
            componentRef: { name: 'comp-echo' },
            cachingOptions: { enableCache: true },
            inputs: { parameters: { msg: { componentInputParameter: 'pipelinechannel--mode' } } },
          },
        },
      },
      inputDefinitions: {
        parameters: {
          'pipelinechannel--mode': { parameterType: 'STRING' },
          'pipelinechannel--produce-score': { parameterType: 'NUMBER_DOUBLE' },
        },
      },
    });
  });

  it('renders every comparison, int() casts, quoting and &&', () => {
    const p = pipeline(
      { name: 'operators', inputs: { n: param.int(), flag: param.bool(), s: param.string() } },
      ({ inputs }) => {
        when(inputs.n.eq(3), () => echo({ msg: 'a' }));
        when(inputs.n.ne(3).and(inputs.s.eq("it's")), () => echo({ msg: 'b' }));
        when(inputs.n.le(2.5), () => echo({ msg: 'c' }));
        when(inputs.flag.eq(true).and(inputs.s.ge('m')), () => echo({ msg: 'd' }));
        when(inputs.n.lt(inputs.n).not(), () => echo({ msg: 'e' }));
      },
    );
    const spec = compileChecked(p);
    const value = (name: string) => `inputs.parameter_values['pipelinechannel--${name}']`;
    expect([1, 2, 3, 4, 5].map((id) => condition(spec, 'root', `condition-${id}`))).toEqual([
      `int(${value('n')}) == 3`,
      `int(${value('n')}) != 3 && ${value('s')} == 'it\\'s'`,
      `double(int(${value('n')})) <= 2.5`,
      `${value('flag')} == true && ${value('s')} >= 'm'`,
      `!(int(${value('n')}) < int(${value('n')}))`,
    ]);
  });

  it('wraps if/elif/else in condition-branches with KFP numbering and negations', () => {
    const p = pipeline({ name: 'branches', inputs: { n: param.int() } }, ({ inputs }) => {
      when(inputs.n.gt(10), () => {
        when(inputs.n.gt(100), () => echo({ msg: 'huge' }));
      })
        .elif(inputs.n.gt(5), () => echo({ msg: 'big' }))
        .else(() => echo({ msg: 'small' }));
      echo({ msg: 'after' });
    });
    const spec = compileChecked(p);
    expect(Object.keys(spec.root.dag?.tasks ?? {}).sort()).toEqual([
      'condition-branches-1',
      'echo-4',
    ]);
    const branches = spec.components?.['comp-condition-branches-1']?.dag?.tasks ?? {};
    expect(Object.keys(branches).sort()).toEqual(['condition-3', 'condition-4', 'condition-5']);
    const n = "int(inputs.parameter_values['pipelinechannel--n'])";
    expect(condition(spec, 'comp-condition-branches-1', 'condition-3')).toBe(`${n} > 10`);
    expect(condition(spec, 'comp-condition-branches-1', 'condition-4')).toBe(
      `!(${n} > 10) && ${n} > 5`,
    );
    expect(condition(spec, 'comp-condition-branches-1', 'condition-5')).toBe(
      `!(${n} > 10) && !(${n} > 5)`,
    );
    expect(condition(spec, 'comp-condition-3', 'condition-2')).toBe(`${n} > 100`);
  });

  it('passes the values of outer conditions down to nested ones', () => {
    const p = pipeline(
      { name: 'nested', inputs: { a: param.string(), b: param.int() } },
      ({ inputs }) => {
        when(inputs.a.eq('x'), () => {
          when(inputs.b.gt(1), () => echo({ msg: 'both' }));
        });
      },
    );
    const spec = compileChecked(p);
    expect(
      Object.keys(spec.components?.['comp-condition-2']?.inputDefinitions?.parameters ?? {}),
    ).toEqual(['pipelinechannel--a', 'pipelinechannel--b']);
    expect(
      spec.components?.['comp-condition-1']?.dag?.tasks['condition-2']?.inputs?.parameters,
    ).toEqual({
      'pipelinechannel--a': { componentInputParameter: 'pipelinechannel--a' },
      'pipelinechannel--b': { componentInputParameter: 'pipelinechannel--b' },
    });
  });

  it('uses the given name as the display name', () => {
    const p = pipeline({ name: 'named', inputs: { n: param.int() } }, ({ inputs }) => {
      when(inputs.n.gt(1), () => echo({ msg: 'x' }), { name: 'many' });
    });
    expect(compileChecked(p).root.dag?.tasks['condition-1']?.taskInfo.name).toBe('many');
  });

  describe('rejects', () => {
    it('elif() that does not directly follow its when()', () => {
      const p = pipeline({ name: 'late', inputs: { n: param.int() } }, ({ inputs }) => {
        const chain = when(inputs.n.gt(1), () => echo({ msg: 'x' }));
        forEach([1], () => echo({ msg: 'y' }));
        chain.else(() => echo({ msg: 'z' }));
      });
      expect(() => compile(p)).toThrow(/must directly follow its when\(\)/);
    });

    it('anything after else()', () => {
      const p = pipeline({ name: 'closed', inputs: { n: param.int() } }, ({ inputs }) => {
        const chain = when(inputs.n.gt(1), () => echo({ msg: 'x' }));
        chain.else(() => echo({ msg: 'y' }));
        chain.elif(inputs.n.gt(0), () => echo({ msg: 'z' }));
      });
      expect(() => compile(p)).toThrow(/cannot follow else\(\)/);
    });

    it('comparing a list (not a primitive)', () => {
      const p = pipeline({ name: 'lists' }, () => {
        const items = produce().outputs.items as unknown as ParamRef<string>;
        when(items.eq('x'), () => undefined);
      });
      expect(() => compile(p)).toThrow(/compares strings, numbers or booleans; output "items"/);
    });

    it('a task outside the branch reading a task inside it', () => {
      const p = pipeline({ name: 'escape', inputs: { n: param.int() } }, ({ inputs }) => {
        let inner: ReturnType<typeof echo> | undefined;
        when(inputs.n.gt(1), () => {
          inner = echo({ msg: 'x' });
        });
        if (inner !== undefined) echo({ msg: inner.outputs.out });
      });
      expect(() => compile(p)).toThrow(/inside condition-1/);
    });
  });
});
