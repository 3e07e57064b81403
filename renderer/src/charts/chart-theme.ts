/**
 * Canvas needs real colours, but the tokens are `light-dark()` expressions: a probe element
 * lets the browser resolve each custom property for the current theme.
 */
export interface ChartColors {
  /** The resolved theme these colours belong to. */
  theme: string;
  text: string;
  grid: string;
  muted: string;
  series: string[];
}

/** Custom properties set on the chart's root (see LineChart.svelte), in palette order. */
export const SERIES_VARS = [
  '--chart-1',
  '--chart-2',
  '--chart-3',
  '--chart-4',
  '--chart-5',
  '--chart-6',
  '--chart-7',
  '--chart-8',
] as const;

/** `theme` is taken so that a caller's effect depends on it and redraws when it changes. */
export function resolveChartColors(host: HTMLElement, theme: string): ChartColors {
  const probe = document.createElement('span');
  probe.style.display = 'none';
  host.append(probe);
  const resolve = (cssVar: string): string => {
    probe.style.color = `var(${cssVar})`;
    return getComputedStyle(probe).color;
  };
  const colors: ChartColors = {
    theme,
    text: resolve('--text-muted'),
    grid: resolve('--border'),
    muted: resolve('--text-faint'),
    series: SERIES_VARS.map(resolve),
  };
  probe.remove();
  return colors;
}

/** The colour of series `index`, cycling through the palette. */
export function seriesColor(colors: ChartColors, index: number): string {
  return colors.series[index % colors.series.length] ?? colors.text;
}
