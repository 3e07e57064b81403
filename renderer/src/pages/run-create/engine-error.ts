/**
 * The engine's 400 messages start with the field at fault ("trigger.cron_schedule.cron:
 * the hour field …", "runtime_config.parameters.lr: …"); this finds that path and the form
 * control it belongs to, so the message can be shown next to it.
 */
export function fieldOfMessage(message: string): string | null {
  const match = /^([A-Za-z_][\w-]*(?:\.[\w./-]+|\[[^\]]*\])*)\s*:\s/.exec(message.trim());
  return match?.[1] ?? null;
}

/** The form key (see run-draft.ts) for an engine field path; null when none fits. */
export function formKeyOfField(path: string): string | null {
  const param = /^runtime_config\.parameters[.[]['"]?([^'"\]]+)/.exec(path);
  if (param?.[1]) return `param.${param[1]}`;
  if (path.startsWith('trigger')) {
    if (path.includes('interval_second') || path.includes('periodic_schedule')) {
      return path.endsWith('start_time')
        ? 'trigger.start'
        : path.endsWith('end_time')
          ? 'trigger.end'
          : 'trigger.interval';
    }
    if (path.endsWith('start_time')) return 'trigger.start';
    if (path.endsWith('end_time')) return 'trigger.end';
    return 'trigger.cron';
  }
  if (path.startsWith('max_concurrency')) return 'trigger.max_concurrency';
  if (path === 'display_name') return 'name';
  if (path === 'description') return 'description';
  if (path.startsWith('labels')) return 'labels';
  if (path.startsWith('experiment')) return 'experiment';
  if (path.startsWith('pipeline_version_reference') || path.startsWith('pipeline_spec')) {
    return 'pipeline';
  }
  if (path === 'executor') return 'executor';
  if (path === 'enable_caching') return 'caching';
  return null;
}

/** `{key: message}` for the control the engine's message names, or {} when it names none. */
export function fieldErrorOf(message: string): Record<string, string> {
  const path = fieldOfMessage(message);
  const key = path ? formKeyOfField(path) : null;
  return key ? { [key]: message } : {};
}
