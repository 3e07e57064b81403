/**
 * Small component functions written for Skiff's tests, each with the executor input it
 * needs. Both the executor-*.test.ts files (Skiff's runtime alone) and the peer test
 * (Skiff's vs the real `kfp` executor) run them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { artifact, executorInput, type ExecutorInput } from './support.js';

/** The imports the SDK puts in front of every lightweight component's function. */
export const PREAMBLE =
  'import kfp\nfrom kfp import dsl\nfrom kfp.dsl import *\nfrom typing import *\n\n';

export interface ComponentCase {
  name: string;
  fn: string;
  source: string;
  /** Builds the executor input under `root`, creating any input files it needs. */
  input: (root: string) => ExecutorInput;
  /** False where Skiff deliberately accepts more than the SDK (not comparable). */
  peer?: boolean;
}

function writeFile(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

function inputFile(root: string, name: string, content: string): string {
  const path = join(root, 'in', name);
  writeFile(path, content);
  return path;
}

export const COMPONENT_CASES: ComponentCase[] = [
  {
    name: 'ints (add numbers)',
    fn: 'add',
    source: `${PREAMBLE}def add(a: int, b: int) -> int:\n    return a + b\n`,
    input: (root) =>
      executorInput(root, { parameters: { a: 2, b: 40 }, outputParameters: ['Output'] }),
  },
  {
    name: 'float and optional defaults',
    fn: 'scale',
    source:
      `${PREAMBLE}def scale(x: float, factor: float = 2.0, label: Optional[str] = None) -> float:\n` +
      '    assert label is None\n    return x * factor\n',
    input: (root) => executorInput(root, { parameters: { x: 1.25 }, outputParameters: ['Output'] }),
  },
  {
    name: 'strings',
    fn: 'greet',
    source: `${PREAMBLE}def greet(first: str, second: str) -> str:\n    return f'{first}, {second}!'\n`,
    input: (root) =>
      executorInput(root, {
        parameters: { first: 'Hello', second: 'Skiff ✓' },
        outputParameters: ['Output'],
      }),
  },
  {
    name: 'bool',
    fn: 'negate',
    source: `${PREAMBLE}def negate(flag: bool) -> bool:\n    return not flag\n`,
    input: (root) =>
      executorInput(root, { parameters: { flag: true }, outputParameters: ['Output'] }),
  },
  {
    name: 'LIST and STRUCT',
    fn: 'combine',
    source:
      `${PREAMBLE}def combine(items: List[str], counts: Dict[str, int], extra: list, meta: dict) -> Dict[str, Any]:\n` +
      "    return {'items': items + extra, 'total': sum(counts.values()), 'meta': meta}\n",
    input: (root) =>
      executorInput(root, {
        parameters: {
          items: ['a', 'b'],
          counts: { x: 1, y: 2 },
          extra: [1, { nested: true }],
          meta: { k: [1, 2] },
        },
        outputParameters: ['Output'],
      }),
  },
  {
    name: 'Output[Dataset] with metadata',
    fn: 'produce',
    source:
      `${PREAMBLE}def produce(rows: int, data: Output[Dataset]):\n` +
      "    with open(data.path, 'w') as f:\n" +
      "        f.write('\\n'.join(str(i) for i in range(rows)))\n" +
      "    data.metadata['rows'] = rows\n",
    input: (root) =>
      executorInput(root, {
        parameters: { rows: 3 },
        outputArtifacts: { data: 'system.Dataset' },
      }),
  },
  {
    name: 'Input[Dataset] to Output[Model]',
    fn: 'train',
    source:
      `${PREAMBLE}def train(data: Input[Dataset], model: Output[Model]) -> int:\n` +
      '    with open(data.path) as f:\n        lines = f.read().splitlines()\n' +
      "    with open(model.path, 'w') as f:\n        f.write('model of ' + data.name)\n" +
      "    model.framework = 'none'\n    model.metadata['source_rows'] = data.metadata['rows']\n" +
      '    return len(lines)\n',
    input: (root) =>
      executorInput(root, {
        inputArtifacts: {
          data: [
            artifact('data', inputFile(root, 'data', '0\n1\n2'), 'system.Dataset', { rows: 3 }),
          ],
        },
        outputParameters: ['Output'],
        outputArtifacts: { model: 'system.Model' },
      }),
  },
  {
    name: 'Metrics',
    fn: 'evaluate',
    source:
      `${PREAMBLE}def evaluate(metrics: Output[Metrics]):\n` +
      "    metrics.log_metric('accuracy', 0.9)\n    metrics.log_metric('loss', 1)\n",
    input: (root) => executorInput(root, { outputArtifacts: { metrics: 'system.Metrics' } }),
  },
  {
    name: 'ClassificationMetrics',
    fn: 'classify',
    source:
      `${PREAMBLE}def classify(roc: Output[ClassificationMetrics], cm: Output[ClassificationMetrics]):\n` +
      '    roc.log_roc_curve([0.0, 0.5, 1.0], [0.0, 0.8, 1.0], [1.0, 0.5, 0.0])\n' +
      '    roc.log_roc_data_point(fpr=0.25, tpr=0.6, threshold=0.7)\n' +
      "    cm.log_confusion_matrix(['cat', 'dog'], [[3, 1], [0, 4]])\n" +
      "    cm.log_confusion_matrix_cell('dog', 'cat', 2)\n" +
      "    cm.log_confusion_matrix_row('cat', [5, 6])\n",
    input: (root) =>
      executorInput(root, {
        outputArtifacts: {
          roc: 'system.ClassificationMetrics',
          cm: 'system.ClassificationMetrics',
        },
      }),
  },
  {
    name: 'ClassificationMetrics by categories and cells',
    fn: 'cells',
    source:
      `${PREAMBLE}def cells(m: Output[ClassificationMetrics]):\n` +
      "    m.set_confusion_matrix_categories(['a', 'b', 'c'])\n" +
      "    m.log_confusion_matrix_cell('a', 'c', 7)\n    m.log_confusion_matrix_cell('b', 'b', 1)\n",
    input: (root) =>
      executorInput(root, { outputArtifacts: { m: 'system.ClassificationMetrics' } }),
  },
  {
    name: 'NamedTuple with parameters and artifacts',
    fn: 'multi',
    source:
      `${PREAMBLE}def multi(n: int) -> NamedTuple('Outputs', [('total', int), ('label', str), ('report', Markdown), ('model', Model)]):\n` +
      '    from collections import namedtuple\n' +
      "    out = namedtuple('Outputs', ['total', 'label', 'report', 'model'])\n" +
      "    return out(n * 2, 'ok', '# Report', 'weights')\n",
    input: (root) =>
      executorInput(root, {
        parameters: { n: 21 },
        outputParameters: ['total', 'label'],
        outputArtifacts: { report: 'system.Markdown', model: 'system.Model' },
      }),
  },
  {
    name: 'NamedTuple returned as a plain tuple',
    fn: 'pair',
    source:
      `${PREAMBLE}class Pair(NamedTuple):\n    a: str\n    b: float\n\n` +
      "def pair() -> Pair:\n    return ('x', 1.5)\n",
    input: (root) => executorInput(root, { outputParameters: ['a', 'b'] }),
  },
  {
    name: 'OutputPath and InputPath',
    fn: 'paths',
    source:
      `${PREAMBLE}def paths(src: InputPath('Dataset'), text_out: OutputPath(str), num_out: OutputPath(int),\n` +
      "          flag_out: OutputPath(bool), data_out: OutputPath('Dataset'), html: Output[HTML]):\n" +
      '    with open(src) as f:\n        content = f.read()\n' +
      "    with open(text_out, 'w') as f:\n        f.write(content.upper())\n" +
      "    with open(num_out, 'w') as f:\n        f.write(str(len(content)))\n" +
      "    with open(flag_out, 'w') as f:\n        f.write('True')\n" +
      "    with open(data_out, 'w') as f:\n        f.write(content * 2)\n" +
      "    with open(html.path, 'w') as f:\n        f.write('<p>' + content + '</p>')\n",
    input: (root) =>
      executorInput(root, {
        inputArtifacts: {
          src: [artifact('src', inputFile(root, 'src', 'abc'), 'system.Dataset')],
        },
        outputParameters: ['text_out', 'num_out', 'flag_out'],
        outputArtifacts: { data_out: 'system.Dataset', html: 'system.HTML' },
      }),
  },
  {
    name: 'task final status (camelCase)',
    fn: 'exit_op',
    source:
      `${PREAMBLE}def exit_op(user_input: str, status: PipelineTaskFinalStatus) -> str:\n` +
      "    return '|'.join(str(x) for x in [user_input, status.state, status.pipeline_job_resource_name,\n" +
      '                                     status.pipeline_task_name, status.error_code, status.error_message])\n',
    input: (root) =>
      executorInput(root, {
        parameters: {
          user_input: 'hi',
          status: {
            state: 'FAILED',
            pipelineJobResourceName: 'run-7',
            pipelineTaskName: 'train',
            error: { code: 9, message: 'disk full' },
          },
        },
        outputParameters: ['Output'],
      }),
  },
  {
    name: 'task final status (snake_case, succeeded)',
    fn: 'exit_op',
    source:
      `${PREAMBLE}def exit_op(status: dsl.PipelineTaskFinalStatus) -> str:\n` +
      "    return '|'.join(str(x) for x in [status.state, status.pipeline_job_resource_name,\n" +
      '                                     status.pipeline_task_name, status.error_code])\n',
    input: (root) =>
      executorInput(root, {
        parameters: {
          status: {
            state: 'SUCCEEDED',
            pipeline_job_resource_name: 'run-8',
            pipeline_task_name: 'x',
          },
        },
        outputParameters: ['Output'],
      }),
  },
  {
    name: 'List[Artifact] input',
    fn: 'gather',
    source:
      `${PREAMBLE}def gather(parts: Input[List[Dataset]], plain: List[Artifact]) -> str:\n` +
      '    texts = [open(p.path).read() for p in parts]\n' +
      "    return ','.join(texts) + '/' + ','.join(type(p).__name__ + ':' + p.name for p in plain)\n",
    input: (root) =>
      executorInput(root, {
        inputArtifacts: {
          parts: [0, 1, 2].map((i) =>
            artifact('parts', inputFile(root, `part${i}`, `p${i}`), 'system.Dataset', { i }),
          ),
          plain: [
            artifact('plain', join(root, 'in', 'm'), 'system.Model'),
            artifact('plain', join(root, 'in', 'a'), 'system.Artifact'),
          ],
        },
        outputParameters: ['Output'],
      }),
  },
  {
    name: 'remote URIs map to local mounts',
    fn: 'where',
    source:
      `${PREAMBLE}def where(g: Input[Artifact], m: Input[Artifact], s: Input[Artifact], l: Input[Artifact]) -> List[str]:\n` +
      '    return [g.path, m.path, s.path, l.path]\n',
    input: (root) =>
      executorInput(root, {
        inputArtifacts: {
          g: [artifact('g', 'gs://bucket/run/g')],
          m: [artifact('m', 'minio://mlpipeline/run/m')],
          s: [artifact('s', 's3://b/k/s')],
          l: [artifact('l', join(root, 'in', 'l'))],
        },
        outputParameters: ['Output'],
      }),
  },
  {
    name: 'returning data for an artifact output, and dsl.get_uri',
    fn: 'emit',
    source:
      `${PREAMBLE}def emit(n: int) -> Dataset:\n` +
      "    assert dsl.get_uri('x').endswith('/x')\n    return '\\n'.join(['row'] * n)\n",
    input: (root) =>
      executorInput(root, { parameters: { n: 2 }, outputArtifacts: { Output: 'system.Dataset' } }),
  },
  {
    name: 'returning an Artifact object with a custom path',
    fn: 'custom',
    source:
      `${PREAMBLE}def custom() -> Model:\n` +
      "    local = dsl.get_uri('custom.bin')\n" +
      "    model = Model(name='Output', uri='minio://bucket/custom/model', metadata={'k': 'v'})\n" +
      '    model.set_path(local)\n' +
      "    with open(model.path, 'w') as f:\n        f.write('bits')\n" +
      '    return model\n',
    input: (root) => executorInput(root, { outputArtifacts: { Output: 'system.Model' } }),
  },
  {
    name: 'outputs into directories that do not exist yet',
    fn: 'deep',
    source:
      `${PREAMBLE}def deep(out: OutputPath(str), art: Output[Artifact]):\n` +
      "    open(out, 'w').write('deep')\n    open(art.path, 'w').write('deep art')\n",
    input: (root) => {
      const input = executorInput(join(root, 'a', 'b', 'c'), {
        outputParameters: ['out'],
        outputArtifacts: { art: 'system.Artifact' },
      });
      return input;
    },
  },
  {
    name: 'decorated with @dsl.component',
    // The SDK's runtime mode has no dsl.component; Skiff keeps decorators importable.
    peer: false,
    fn: 'decorated',
    source:
      `${PREAMBLE}@dsl.component(base_image='python:3.11', packages_to_install=['numpy'])\n` +
      'def decorated(x: int) -> int:\n    return x + 1\n\n' +
      '@dsl.pipeline(name="p")\ndef p(x: int = 1):\n    decorated(x=x)\n',
    input: (root) => executorInput(root, { parameters: { x: 1 }, outputParameters: ['Output'] }),
  },
];
