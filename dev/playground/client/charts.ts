// Embedded charts drawn as SVG over the grid, at their anchor cell plus offset,
// from the series the server read from their ranges (the runtime's ChartView):
// a pie with slice labels and a legend, columns or bars per series with
// category labels, lines per series over the categories, the title on top.
// Approximately as Sheets draws them: sizes, fonts and axes are simplified.

import { PALETTE, svg } from './svg';
import type { ChartView } from './types';

/** Sheets' default size for an inserted chart. */
const WIDTH = 600;
const HEIGHT = 371;
const TOP = 40;
const LEGEND_WIDTH = 140;

function size(chart: ChartView): { width: number; height: number } {
  const width = typeof chart.options.width === 'number' ? chart.options.width : WIDTH;
  const height = typeof chart.options.height === 'number' ? chart.options.height : HEIGHT;
  return { width, height };
}

function colorsOf(chart: ChartView): string[] {
  const colors = chart.options.colors;
  return Array.isArray(colors) && colors.length > 0 ? colors.map(String) : PALETTE;
}

export function chartSvg(chart: ChartView): SVGSVGElement {
  const { width, height } = size(chart);
  const root = svg('svg', { class: 'chart', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'data-chart-type': chart.type });
  root.setAttribute('aria-label', chart.title || `${chart.type.toLowerCase()} chart`);
  root.append(svg('rect', { x: 0.5, y: 0.5, width: width - 1, height: height - 1, fill: '#fff', stroke: '#dadce0' }));
  if (chart.title)
    root.append(svg('text', { class: 'chart-title', x: width / 2, y: 24, 'text-anchor': 'middle', 'font-size': 15 }, chart.title));
  const area = { x: 50, y: TOP, width: width - 50 - LEGEND_WIDTH, height: height - TOP - 50 };
  if (chart.type === 'PIE') drawPie(root, chart, width, height);
  else if (chart.type === 'LINE') drawLines(root, chart, area);
  else drawBars(root, chart, area, chart.type === 'BAR');
  return root;
}

function legend(root: SVGSVGElement, names: string[], colors: string[], x: number, y: number): void {
  names.forEach((name, i) => {
    const g = svg('g', { class: 'legend-item' });
    g.append(svg('rect', { x, y: y + i * 20, width: 10, height: 10, fill: colors[i % colors.length]! }));
    g.append(svg('text', { x: x + 16, y: y + i * 20 + 9, 'font-size': 12 }, name));
    root.append(g);
  });
}

function drawPie(root: SVGSVGElement, chart: ChartView, width: number, height: number): void {
  const values = (chart.series[0]?.values ?? []).map((v) => (v !== null && v > 0 ? v : 0));
  const total = values.reduce((a, b) => a + b, 0);
  const colors = colorsOf(chart);
  const radius = Math.max(10, Math.min(width - LEGEND_WIDTH - 40, height - TOP - 20) / 2);
  const cx = 20 + radius;
  const cy = TOP + (height - TOP) / 2;
  let angle = -Math.PI / 2;
  values.forEach((value, i) => {
    if (total === 0 || value === 0) return;
    const sweep = (value / total) * Math.PI * 2;
    const color = colors[i % colors.length]!;
    const slice =
      sweep >= Math.PI * 2 - 1e-9
        ? svg('circle', { cx, cy, r: radius, fill: color })
        : svg('path', {
            d: [
              `M ${cx} ${cy}`,
              `L ${cx + radius * Math.cos(angle)} ${cy + radius * Math.sin(angle)}`,
              `A ${radius} ${radius} 0 ${sweep > Math.PI ? 1 : 0} 1 ${cx + radius * Math.cos(angle + sweep)} ${cy + radius * Math.sin(angle + sweep)}`,
              'Z',
            ].join(' '),
            fill: color,
            stroke: '#fff',
          });
    slice.setAttribute('class', 'pie-slice');
    root.append(slice);
    const middle = angle + sweep / 2;
    const label = `${Math.round((value / total) * 1000) / 10}%`;
    root.append(
      svg(
        'text',
        {
          class: 'slice-label',
          x: cx + radius * 0.65 * Math.cos(middle),
          y: cy + radius * 0.65 * Math.sin(middle) + 4,
          'text-anchor': 'middle',
          'font-size': 12,
          fill: '#fff',
        },
        label,
      ),
    );
    angle += sweep;
  });
  legend(root, chart.categories, colors, width - LEGEND_WIDTH, TOP + 10);
}

interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The value axis: from 0 (or below, for negative values) to the largest value, or the chart's viewWindow. */
function valueRange(chart: ChartView, axis: 'vAxis' | 'hAxis'): { min: number; max: number } {
  const numbers = chart.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const stacked = chart.options.isStacked === true;
  const sums = chart.categories.map((_, i) => chart.series.reduce((a, s) => a + Math.max(0, s.values[i] ?? 0), 0));
  const option = (key: string) =>
    typeof chart.options[`${axis}.viewWindow.${key}`] === 'number' ? (chart.options[`${axis}.viewWindow.${key}`] as number) : undefined;
  const min = option('min') ?? Math.min(0, ...numbers);
  const max = option('max') ?? Math.max(0, ...(stacked ? sums : numbers));
  return { min, max: max > min ? max : min + 1 };
}

function drawBars(root: SVGSVGElement, chart: ChartView, area: Area, horizontal: boolean): void {
  const colors = colorsOf(chart);
  const { min, max } = valueRange(chart, horizontal ? 'hAxis' : 'vAxis');
  const stacked = chart.options.isStacked === true;
  const count = Math.max(1, chart.categories.length);
  const band = (horizontal ? area.height : area.width) / count;
  const seriesCount = Math.max(1, chart.series.length);
  const thick = (band * 0.7) / (stacked ? 1 : seriesCount);
  const scale = (v: number) => ((v - min) / (max - min)) * (horizontal ? area.width : area.height);
  root.append(
    svg(
      'line',
      horizontal
        ? { x1: area.x, y1: area.y, x2: area.x, y2: area.y + area.height, stroke: '#333' }
        : { x1: area.x, y1: area.y + area.height, x2: area.x + area.width, y2: area.y + area.height, stroke: '#333' },
    ),
  );
  for (const value of [min, max]) {
    const at = ((value - min) / (max - min)) * (horizontal ? area.width : area.height);
    const position = horizontal
      ? { x: area.x + at, y: area.y + area.height + 16, 'text-anchor': 'middle' }
      : { x: area.x - 6, y: area.y + area.height - at + 4, 'text-anchor': 'end' };
    root.append(svg('text', { class: 'axis-label', ...position, 'font-size': 11 }, String(Math.round(value * 100) / 100)));
  }
  chart.categories.forEach((category, i) => {
    let stackAt = 0;
    chart.series.forEach((series, j) => {
      const value = Math.max(min, Math.min(max, series.values[i] ?? 0));
      const length = Math.max(0, scale(value) - (stacked ? 0 : scale(Math.max(min, 0))));
      const offset = band * 0.15 + (stacked ? 0 : j * thick);
      const from = stacked ? stackAt : scale(Math.max(min, 0));
      const rect = horizontal
        ? { x: area.x + from, y: area.y + i * band + offset, width: length, height: thick }
        : { x: area.x + i * band + offset, y: area.y + area.height - from - length, width: thick, height: length };
      root.append(svg('rect', { class: 'bar', ...rect, fill: colors[j % colors.length]! }));
      stackAt += length;
    });
    const label = horizontal
      ? svg(
          'text',
          { class: 'category-label', x: area.x - 4, y: area.y + (i + 0.5) * band + 4, 'text-anchor': 'end', 'font-size': 11 },
          category,
        )
      : svg(
          'text',
          { class: 'category-label', x: area.x + (i + 0.5) * band, y: area.y + area.height + 16, 'text-anchor': 'middle', 'font-size': 11 },
          category,
        );
    root.append(label);
  });
  legend(
    root,
    chart.series.map((s) => s.name),
    colors,
    area.x + area.width + 20,
    TOP + 10,
  );
}

function drawLines(root: SVGSVGElement, chart: ChartView, area: Area): void {
  const colors = colorsOf(chart);
  const { min, max } = valueRange(chart, 'vAxis');
  const count = chart.categories.length;
  const x = (i: number) => area.x + (count <= 1 ? area.width / 2 : (i / (count - 1)) * area.width);
  const y = (v: number) => area.y + area.height - ((Math.min(max, Math.max(min, v)) - min) / (max - min)) * area.height;
  root.append(svg('line', { x1: area.x, y1: area.y + area.height, x2: area.x + area.width, y2: area.y + area.height, stroke: '#333' }));
  for (const value of [min, max]) {
    root.append(
      svg(
        'text',
        { class: 'axis-label', x: area.x - 6, y: y(value) + 4, 'text-anchor': 'end', 'font-size': 11 },
        String(Math.round(value * 100) / 100),
      ),
    );
  }
  chart.series.forEach((series, j) => {
    const points = series.values.flatMap((v, i) => (v === null ? [] : [`${x(i).toFixed(1)},${y(v).toFixed(1)}`]));
    root.append(
      svg('polyline', {
        class: 'series-line',
        points: points.join(' '),
        fill: 'none',
        stroke: colors[j % colors.length]!,
        'stroke-width': 2,
      }),
    );
  });
  // At most about eight labels along the axis, so dates do not overlap.
  const step = Math.max(1, Math.ceil(count / 8));
  chart.categories.forEach((category, i) => {
    if (i % step !== 0) return;
    root.append(
      svg('text', { class: 'category-label', x: x(i), y: area.y + area.height + 16, 'text-anchor': 'middle', 'font-size': 11 }, category),
    );
  });
  legend(
    root,
    chart.series.map((s) => s.name),
    colors,
    area.x + area.width + 20,
    TOP + 10,
  );
}

/**
 * Places each chart over the grid at its anchor cell's corner plus its offset,
 * in the host's own coordinates so the charts scroll with the cells.
 */
export function placeCharts(
  host: HTMLElement,
  charts: ChartView[],
  cellAt: (row: number, column: number) => HTMLElement | undefined,
): void {
  for (const chart of charts) {
    const anchor = cellAt(chart.position.row, chart.position.column);
    if (!anchor) continue;
    const box = document.createElement('div');
    box.className = 'chart-box';
    box.dataset.chartId = String(chart.id);
    const cellBox = anchor.getBoundingClientRect();
    const hostBox = host.getBoundingClientRect();
    box.style.top = `${cellBox.top - hostBox.top + host.scrollTop + chart.position.offsetY}px`;
    box.style.left = `${cellBox.left - hostBox.left + host.scrollLeft + chart.position.offsetX}px`;
    box.append(chartSvg(chart));
    host.append(box);
  }
}
