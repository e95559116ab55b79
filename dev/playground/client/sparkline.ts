// A SPARKLINE cell's drawing (the runtime's SparklineDrawing) as inline SVG
// that fills the cell: a bar as long as its share of max (stacked values in
// color1 and color2 by turns), a line as a polyline between ymin and ymax.

import { svg } from './svg';
import type { SparklineDrawing } from './types';

const WIDTH = 100;
const HEIGHT = 20;

export function sparklineSvg(drawing: SparklineDrawing): SVGSVGElement {
  const root = svg('svg', { class: 'sparkline', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, preserveAspectRatio: 'none', role: 'img' });
  root.setAttribute('aria-label', `${drawing.type} sparkline`);
  if (drawing.type === 'bar') drawBar(root, drawing);
  else drawLine(root, drawing);
  return root;
}

function drawBar(root: SVGSVGElement, drawing: Extract<SparklineDrawing, { type: 'bar' }>): void {
  const { max, min, color1, color2, rtl } = drawing.options;
  const span = max - min;
  if (!(span > 0)) return;
  let start = 0;
  drawing.data.forEach((value, i) => {
    const share = Math.max(0, Math.min(1 - start, (value - (i === 0 ? min : 0)) / span));
    if (share <= 0) return;
    const x = (rtl ? 1 - start - share : start) * WIDTH;
    root.append(svg('rect', { class: 'spark-bar', x, y: 0, width: share * WIDTH, height: HEIGHT, fill: i % 2 === 0 ? color1 : color2 }));
    start += share;
  });
}

function drawLine(root: SVGSVGElement, drawing: Extract<SparklineDrawing, { type: 'line' }>): void {
  const { color, linewidth, ymin, ymax, rtl } = drawing.options;
  const count = drawing.data.length;
  if (count === 0) return;
  const span = ymax - ymin || 1;
  const x = (i: number) => {
    const at = count === 1 ? 0.5 : i / (count - 1);
    return (rtl ? 1 - at : at) * WIDTH;
  };
  const y = (v: number) => HEIGHT - 1 - ((Math.min(ymax, Math.max(ymin, v)) - ymin) / span) * (HEIGHT - 2);
  // A blank (null) breaks the line, as "empty" "ignore" leaves a gap.
  let points: string[] = [];
  const flush = () => {
    if (points.length > 0) {
      root.append(
        svg('polyline', {
          class: 'spark-line',
          points: points.join(' '),
          fill: 'none',
          stroke: color,
          'stroke-width': linewidth,
          'vector-effect': 'non-scaling-stroke',
        }),
      );
    }
    points = [];
  };
  drawing.data.forEach((value, i) => (value === null ? flush() : points.push(`${x(i).toFixed(2)},${y(value).toFixed(2)}`)));
  flush();
}
