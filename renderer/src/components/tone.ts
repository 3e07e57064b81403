/** The colour family of a status: green, amber, red, grey or the accent. */
export type Tone = 'ok' | 'warn' | 'danger' | 'neutral' | 'accent';
