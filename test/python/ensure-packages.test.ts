/**
 * skiff_runtime.ensure_packages / reqspec: the offline stand-in for a component's
 * `pip install` must read requirement specs, markers and versions the way pip would,
 * and only fail for packages that really are absent.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOST_PYTHON, RUNTIME_DIR } from './support.js';

function python(code: string): unknown {
  const run = spawnSync(HOST_PYTHON, ['-c', code], {
    env: { ...process.env, PYTHONPATH: RUNTIME_DIR, PYTHONDONTWRITEBYTECODE: '1' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as unknown;
}

const ENSURE = join(RUNTIME_DIR, 'skiff_runtime', 'ensure_packages.py');
function ensure(args: string[], env: Record<string, string> = {}) {
  return spawnSync(HOST_PYTHON, [ENSURE, ...args], {
    env: { ...process.env, PYTHONPATH: '', PYTHONDONTWRITEBYTECODE: '1', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('reqspec', () => {
  it('parses requirement specs', () => {
    const parsed = python(`
import json
from skiff_runtime.reqspec import parse_requirement as p
specs = ['pandas==2.2.0', 'typing-extensions>=3.7.4,<5; python_version<"3.9"', 'requests[socks] >= 2.0',
         'foo @ https://example.org/foo.whl', 'git+https://github.com/a/b.git', 'Scikit_Learn']
print(json.dumps([p(s)._asdict() for s in specs]))`);
    expect(parsed).toEqual([
      {
        text: 'pandas==2.2.0',
        name: 'pandas',
        specifiers: [['==', '2.2.0']],
        marker: null,
        url: null,
      },
      {
        text: 'typing-extensions>=3.7.4,<5; python_version<"3.9"',
        name: 'typing-extensions',
        specifiers: [
          ['>=', '3.7.4'],
          ['<', '5'],
        ],
        marker: 'python_version<"3.9"',
        url: null,
      },
      {
        text: 'requests[socks] >= 2.0',
        name: 'requests',
        specifiers: [['>=', '2.0']],
        marker: null,
        url: null,
      },
      {
        text: 'foo @ https://example.org/foo.whl',
        name: 'foo',
        specifiers: [],
        marker: null,
        url: 'https://example.org/foo.whl',
      },
      {
        text: 'git+https://github.com/a/b.git',
        name: null,
        specifiers: [],
        marker: null,
        url: 'git+https://github.com/a/b.git',
      },
      { text: 'Scikit_Learn', name: 'Scikit_Learn', specifiers: [], marker: null, url: null },
    ]);
  });

  it('evaluates environment markers', () => {
    const results = python(`
import json
from skiff_runtime.reqspec import evaluate_marker as m
env = {'python_version': '3.11', 'python_full_version': '3.11.2', 'sys_platform': 'linux', 'os_name': 'posix',
       'platform_system': 'Linux', 'implementation_name': 'cpython', 'extra': ''}
markers = ['python_version<"3.9"', 'python_version >= "3.8" and sys_platform == "linux"',
           'os_name == "nt" or python_version > "3"', "extra == 'gpu'", '(python_version < "3.10" or os_name == "posix") and platform_system != "Windows"',
           '"linux" in sys_platform', 'python_full_version >= "3.11.3"', 'weird ((', '']
print(json.dumps([m(x, env) for x in markers]))`);
    expect(results).toEqual([false, true, true, false, true, true, false, true, true]);
  });

  it('compares versions by release numbers', () => {
    const results = python(`
import json
from skiff_runtime.reqspec import version_matches as v
cases = [('1.2.1', '==', '1.4.0'), ('2.2.0', '==', '2.2.*'), ('2.3.1', '==', '2.2.*'), ('1.24.2', '>=', '1.20'),
         ('1.24.2', '~=', '1.20'), ('2.0', '~=', '1.20'), ('1.5.3', '<', '2'), ('1.5.3', '!=', '1.5.3'),
         ('2.0', '==', '2'), ('1.4.0rc1', '>=', '1.4')]
print(json.dumps([v(*c) for c in cases]))`);
    expect(results).toEqual([false, true, false, true, true, false, true, false, true, true]);
  });
});

describe('ensure_packages', () => {
  it('treats kfp as provided, skips non-matching markers and accepts importable modules', () => {
    const run = ensure([
      '--no-exec',
      'kfp==2.14.6',
      'typing-extensions>=3.7.4,<5; python_version<"3.9"',
      'sqlite3', // no distribution metadata, but importable
      'pip',
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('kfp==2.14.6: kfp is provided by Skiff');
    expect(run.stderr).toContain('is false here');
  });

  it('warns, but runs, when the installed version differs from the one asked for', () => {
    const run = ensure(['--no-exec', 'pip==0.1']);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(
      /warning: pip \S+ is installed, the component asked for ==0\.1; using/,
    );
  });

  it('names every missing package with the fix, and does not run the command', () => {
    const run = ensure([
      '--image',
      'local/python-ml:bookworm',
      'no-such-pkg-a',
      'no_such_pkg_b>=1',
      '--',
      'sh',
      '-c',
      'echo ran',
    ]);
    expect(run.status).toBe(1);
    expect(run.stdout).not.toContain('ran');
    for (const name of ['no-such-pkg-a', 'no_such_pkg_b']) {
      expect(run.stderr).toContain(
        `Skiff is offline and \`${name}\` is not in image local/python-ml:bookworm: add it to the image (docs/images.md) or map the image in Settings → Images`,
      );
    }
  });

  it('takes the image name from SKIFF_IMAGE', () => {
    const run = ensure(['no-such-pkg', '--', 'true'], { SKIFF_IMAGE: 'python:3.11' });
    expect(run.stderr).toContain('is not in image python:3.11:');
  });

  it('fails for an URL requirement it cannot fetch, but accepts the SDK from source', () => {
    expect(ensure(['--no-exec', 'git+https://example.org/x/y.git']).status).toBe(1);
    const sdk = 'git+https://github.com/kubeflow/pipelines.git@master#subdirectory=sdk/python';
    expect(ensure(['--no-exec', sdk]).status).toBe(0);
  });

  it('execs the command with the runtime first on PYTHONPATH', () => {
    const run = ensure(['pip', '--', 'sh', '-c', 'echo "$PYTHONPATH|$0|$1"', 'a', 'b'], {
      PYTHONPATH: '/x',
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe(`${RUNTIME_DIR}:/x|a|b`);
  });
});
