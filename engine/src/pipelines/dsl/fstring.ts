import { SkiffError } from '../../core/errors.js';
import { describeChannel, type Channel } from './channel.js';
import { ParamRef } from './refs.js';

/**
 * A string argument with run-time values in it, like a Python f-string in KFP:
 *
 *   report({ msg: fstring`accuracy ${train.outputs.accuracy} after ${inputs.epochs} epochs` })
 *
 * compiles to a constant holding `{{$.inputs.parameters['pipelinechannel--train-accuracy']}}`
 * plus the extra `pipelinechannel--…` inputs that fill it in, as `kfp.compiler` does.
 */
export class FormattedString {
  constructor(
    /** The literal text around each channel; one more entry than `channels`. */
    readonly parts: readonly string[],
    readonly channels: readonly Channel[],
  ) {}
}

export function fstring(
  strings: TemplateStringsArray,
  ...values: readonly (ParamRef | string | number | boolean)[]
): FormattedString {
  const parts: string[] = [];
  const channels: Channel[] = [];
  let text = strings[0] ?? '';
  values.forEach((value, index) => {
    const next = strings[index + 1] ?? '';
    if (value instanceof ParamRef) {
      if (value.selector !== undefined || value.channel.source === 'collected') {
        throw new SkiffError(
          'INVALID_ARGUMENT',
          `fstring cannot embed ${describeChannel(value.channel)}${value.selector !== undefined ? ' field' : ''}; ` +
            'pass it as its own input instead.',
        );
      }
      channels.push(value.channel);
      parts.push(text);
      text = next;
    } else {
      text += `${String(value)}${next}`;
    }
  });
  parts.push(text);
  return new FormattedString(parts, channels);
}
