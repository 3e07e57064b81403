/**
 * Lightweight Python components start with a `pip install kfp==…` bootstrap. Offline,
 * Skiff runs them with its own executor (engine/runtime/python) instead.
 *
 * The KFP SDK compiles a lightweight component into
 *
 *   [sh, -c, <bootstrap>, sh, -ec, <stage 2>, <function source>, ...args]
 *
 * where <bootstrap> is a shell script that (optionally creates a venv and) runs one or
 * more `python3 -m pip install …` and then `"$0" "$@"`, i.e. execs the rest of argv.
 * Offline there is no index to install from, so the bootstrap is replaced by
 * `skiff_runtime/ensure_packages.py`: it treats `kfp` as provided (Skiff's runtime is
 * put on PYTHONPATH), lets packages that are already importable through, and fails the
 * task with an actionable message for any other package. Stage 2 is kept verbatim: it
 * runs `python3 -m kfp.dsl.executor_main`, which then resolves to Skiff's runtime.
 *
 * The bootstrap is only rewritten when every command in it is one the SDK generates
 * (the ensurepip guard, the venv lines, pip installs, the final `"$0" "$@"`); any other
 * script is left alone, as is every argv that is not of this form.
 */
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What the SDK's bootstrap asked for, once recognised. */
export interface LightweightBootstrap {
  /** Requirement specs to check, in order, without the `kfp` ones (Skiff provides kfp). */
  requirements: string[];
  /** The `kfp` requirement(s) that were dropped, e.g. `kfp==2.14.6`. */
  kfpRequirements: string[];
  /** `--index-url` / `--extra-index-url` values (nothing is fetched offline). */
  indexUrls: string[];
  /** The bootstrap created a virtualenv (`use_venv=True`); offline it is not needed. */
  usedVenv: boolean;
  /** argv after the bootstrap, the command `"$0" "$@"` would have run. */
  rest: string[];
}

/** `engine/runtime/python` relative to this module, for both src/ and dist/ layouts. */
export function defaultPythonRuntimeDir(): string {
  return fileURLToPath(new URL('../../../runtime/python', import.meta.url));
}

/**
 * Environment a Python task needs so that `python3 -m kfp.dsl.executor_main` finds
 * Skiff's runtime even when argv was not rewritten (containerized components).
 */
export function pythonRuntimeEnv(
  runtimeDir: string,
  existingPythonPath?: string,
): { PYTHONPATH: string } {
  const parts = (existingPythonPath ?? '').split(':').filter((p) => p !== '');
  return { PYTHONPATH: [runtimeDir, ...parts.filter((p) => p !== runtimeDir)].join(':') };
}

export function rewriteLightweightPythonArgv(
  argv: readonly string[],
  runtimeDir: string,
): string[] {
  const bootstrap = parseLightweightBootstrap(argv);
  if (!bootstrap) return [...argv];
  return [
    'python3',
    posix.join(runtimeDir, 'skiff_runtime', 'ensure_packages.py'),
    ...bootstrap.requirements,
    '--',
    ...bootstrap.rest,
  ];
}

/** Recognises the SDK's bootstrap form; undefined for anything else. */
export function parseLightweightBootstrap(
  argv: readonly string[],
): LightweightBootstrap | undefined {
  const [shell, flag, script] = argv;
  if (shell === undefined || flag !== '-c' || script === undefined || argv.length < 4) {
    return undefined;
  }
  if (!/^(?:\/(?:usr\/)?bin\/)?(?:sh|bash|dash)$/.test(shell)) return undefined;
  if (!/pip3?\s+install/.test(script)) return undefined;

  const { text, usedVenv } = stripKnownPreamble(script);
  const words = tokenizeShell(text);
  if (!words) return undefined;
  const commands = splitCommands(words);
  if (!commands) return undefined;

  const last = commands.at(-1);
  if (!last || !isExecRest(last)) return undefined;
  const installs: string[][] = [];
  for (const command of commands.slice(0, -1)) {
    const rest = withoutAssignments(command);
    if (rest === undefined) return undefined;
    if (rest.length === 0) continue; // e.g. a lone `PIP_DISABLE_PIP_VERSION_CHECK=1`
    const pipArgs = pipInstallArgs(rest);
    if (!pipArgs) return undefined;
    installs.push(pipArgs);
  }
  if (installs.length === 0) return undefined;

  const result: LightweightBootstrap = {
    requirements: [],
    kfpRequirements: [],
    indexUrls: [],
    usedVenv,
    rest: argv.slice(3),
  };
  for (const args of installs) {
    const parsed = parsePipArgs(args);
    if (!parsed) return undefined;
    result.indexUrls.push(...parsed.indexUrls);
    for (const requirement of parsed.requirements) {
      if (isKfpRequirement(requirement)) result.kfpRequirements.push(requirement);
      else result.requirements.push(requirement);
    }
  }
  return result;
}

// --- the SDK's fixed fragments ---------------------------------------------------------

/** `if ! [ -x "$(command -v pip)" ]; then … ensurepip … fi` */
const ENSUREPIP_GUARD =
  /if\s+!\s+\[\s+-x\s+"\$\(command\s+-v\s+pip3?\)"\s+\]\s*;\s*then\b[\s\S]*?\n\s*fi\b/g;
/** The lines `use_venv=True` adds before installing kfp. */
const VENV_LINES = [
  /^[ \t]*export[ \t]+PIP_DISABLE_PIP_VERSION_CHECK=1[ \t]*$/gm,
  /^[ \t]*tmp=\$\(mktemp[ \t]+-d\)[ \t]*$/gm,
  /^[ \t]*python3?[ \t]+-m[ \t]+venv[ \t]+"\$tmp\/venv"(?:[ \t]+--system-site-packages)?[ \t]*$/gm,
  /^[ \t]*\.[ \t]+"\$tmp\/venv\/bin\/activate"[ \t]*$/gm,
];

function stripKnownPreamble(script: string): { text: string; usedVenv: boolean } {
  let text = script.replace(ENSUREPIP_GUARD, '\n');
  let usedVenv = false;
  for (const line of VENV_LINES) {
    const next = text.replace(line, '');
    if (next !== text) usedVenv = true;
    text = next;
  }
  return { text, usedVenv };
}

// --- a small POSIX-shell tokenizer (words and control operators) ---------------------------

interface Word {
  kind: 'word';
  value: string;
  /** Contains an unquoted or double-quoted `$`/backquote expansion. */
  expands: boolean;
}
interface Operator {
  kind: 'op';
  value: string;
}
type Token = Word | Operator;

const OPERATORS = ['&&', '||', ';;', ';', '|', '&', '\n', '(', ')', '<', '>'];

/** Splits shell text into words and operators; undefined on unbalanced quotes. */
export function tokenizeShell(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  let i = 0;
  let current: Word | undefined;
  const flush = (): void => {
    if (current) tokens.push(current);
    current = undefined;
  };
  const word = (): Word => (current ??= { kind: 'word', value: '', expands: false });

  while (i < text.length) {
    const c = text.charAt(i);
    if (c === '\\') {
      if (text.charAt(i + 1) === '\n') {
        i += 2; // line continuation
        continue;
      }
      word().value += text.charAt(i + 1);
      i += 2;
      continue;
    }
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) return undefined;
      word().value += text.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    if (c === '"') {
      const w = word();
      i += 1;
      for (;;) {
        if (i >= text.length) return undefined;
        const d = text.charAt(i);
        if (d === '"') break;
        if (d === '\\' && '$`"\\\n'.includes(text.charAt(i + 1))) {
          if (text.charAt(i + 1) !== '\n') w.value += text.charAt(i + 1);
          i += 2;
          continue;
        }
        if (d === '$' || d === '`') w.expands = true;
        w.value += d;
        i += 1;
      }
      i += 1;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      flush();
      i += 1;
      continue;
    }
    if (c === '#' && !current) {
      while (i < text.length && text.charAt(i) !== '\n') i += 1;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (op) {
      flush();
      tokens.push({ kind: 'op', value: op });
      i += op.length;
      continue;
    }
    if (c === '$' || c === '`') word().expands = true;
    word().value += c;
    i += 1;
  }
  flush();
  return tokens;
}

/** Commands separated by `&&`, `;` or newlines; undefined if other operators appear. */
function splitCommands(tokens: Token[]): Word[][] | undefined {
  const commands: Word[][] = [];
  let current: Word[] = [];
  for (const token of tokens) {
    if (token.kind === 'word') {
      current.push(token);
      continue;
    }
    if (token.value !== '&&' && token.value !== ';' && token.value !== '\n') return undefined;
    if (current.length > 0) commands.push(current);
    current = [];
  }
  if (current.length > 0) commands.push(current);
  return commands;
}

function isExecRest(command: Word[]): boolean {
  return command.length === 2 && command[0]?.value === '$0' && command[1]?.value === '$@';
}

const ASSIGNMENT = /^PIP_[A-Z0-9_]*=/;

/** Drops leading `PIP_…=value` assignments; undefined for any other assignment or expansion. */
function withoutAssignments(command: Word[]): string[] | undefined {
  let start = 0;
  while (start < command.length && ASSIGNMENT.test(command[start]?.value ?? '')) start += 1;
  const rest = command.slice(start);
  if (rest.some((w) => w.expands)) return undefined;
  if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(rest[0]?.value ?? '')) return undefined;
  return rest.map((w) => w.value);
}

/** The arguments after `install` for `python3 -m pip install …` / `pip install …`. */
function pipInstallArgs(words: string[]): string[] | undefined {
  const [first, second, third, fourth] = words;
  if (first && /^(?:\S*\/)?python(?:3(?:\.\d+)?)?$/.test(first)) {
    if (second === '-m' && third === 'pip' && fourth === 'install') return words.slice(4);
    return undefined;
  }
  if (first && /^(?:\S*\/)?pip3?$/.test(first) && second === 'install') return words.slice(2);
  return undefined;
}

/** pip options that take a value (as the next word or after `=`). */
const PIP_VALUE_OPTIONS = new Set([
  '-i',
  '--index-url',
  '--extra-index-url',
  '--trusted-host',
  '-f',
  '--find-links',
  '-c',
  '--constraint',
  '-t',
  '--target',
  '--prefix',
  '--root',
  '--platform',
  '--python-version',
  '--implementation',
  '--abi',
  '--src',
  '--upgrade-strategy',
  '--progress-bar',
  '--log',
  '--cache-dir',
  '--proxy',
  '--retries',
  '--timeout',
  '--exists-action',
  '--cert',
  '--client-cert',
  '--no-binary',
  '--only-binary',
  '-C',
  '--config-settings',
  '--global-option',
  '--report',
]);

/** Options whose value is itself something to install, which cannot be judged by name. */
const PIP_UNSUPPORTED = new Set(['-r', '--requirement', '-e', '--editable']);

function parsePipArgs(args: string[]): { requirements: string[]; indexUrls: string[] } | undefined {
  const requirements: string[] = [];
  const indexUrls: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    const [option, inlineValue] = arg.startsWith('--') ? splitOnce(arg, '=') : [arg, undefined];
    if (PIP_UNSUPPORTED.has(option)) return undefined;
    if (PIP_VALUE_OPTIONS.has(option)) {
      const value = inlineValue ?? args[(i += 1)];
      if (value === undefined) return undefined;
      if (option === '-i' || option === '--index-url' || option === '--extra-index-url') {
        indexUrls.push(value);
      }
      continue;
    }
    if (arg.startsWith('-')) continue; // flags such as --quiet, --no-deps, -U
    requirements.push(arg);
  }
  return { requirements, indexUrls };
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

/** `kfp`, `kfp==2.14.6`, `kfp[all]>=2`, or the SDK installed from its source/wheel. */
export function isKfpRequirement(requirement: string): boolean {
  const spec = requirement.trim();
  const name = /^([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(spec)?.[1];
  if (name && !spec.includes('://') && name.toLowerCase().replace(/[-_.]+/g, '-') === 'kfp') {
    return true;
  }
  if (/kubeflow\/pipelines/.test(spec) && /subdirectory=sdk\/python/.test(spec)) return true;
  return /(?:^|\/)kfp-\d[^/]*\.(?:whl|tar\.gz|zip)$/.test(spec);
}
