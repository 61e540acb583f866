// The benchmark's latencies as one log-log chart (SVG, no dependencies): query time against dataset size per engine.
import type { Latency } from './stats.ts';

export interface PlotPoint extends Latency {
  engine: string;
  claims: number;
}

const WIDTH = 720;
const HEIGHT = 440;
const MARGIN = { left: 70, right: 190, top: 40, bottom: 50 };
const COLORS = ['#9e9e9e', '#e08a00', '#1565c0', '#2e7d32'];
/** Lines worth seeing against the measurements: the targets and Discord's deadline for an answer. */
const MARKS = [
  { ms: 10, label: 'target p99 at 10k' },
  { ms: 100, label: 'target p99 at 100k' },
  { ms: 3000, label: "Discord's 3 s deadline" },
];

const logScale = (min: number, max: number, from: number, to: number) => (value: number) =>
  from + ((Math.log10(value) - Math.log10(min)) / (Math.log10(max) - Math.log10(min))) * (to - from);

export function latencyPlot(points: readonly PlotPoint[]): string {
  const sizes = [...new Set(points.map((point) => point.claims))].sort((a, b) => a - b);
  const engines = [...new Set(points.map((point) => point.engine))];
  const values = points.flatMap((point) => [point.p50, point.p99]);
  const yMin = 10 ** Math.floor(Math.log10(Math.min(...values)));
  const yMax = 10 ** Math.ceil(Math.log10(Math.max(...values, ...MARKS.map((mark) => mark.ms))));
  const x = logScale(sizes[0]! / 1.5, sizes.at(-1)! * 1.5, MARGIN.left, WIDTH - MARGIN.right);
  const y = logScale(yMin, yMax, HEIGHT - MARGIN.bottom, MARGIN.top);
  const svg: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`,
    `<text x="${MARGIN.left}" y="22" font-size="14" font-weight="bold">Time per query (log scale): p50 solid, p99 dashed</text>`,
  ];
  for (let tick = yMin; tick <= yMax; tick *= 10) {
    svg.push(
      `<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${y(tick)}" y2="${y(tick)}" stroke="#eee"/>`,
      `<text x="${MARGIN.left - 8}" y="${y(tick) + 4}" text-anchor="end">${tick >= 1 ? tick : tick.toFixed(-Math.log10(tick))} ms</text>`,
    );
  }
  for (const mark of MARKS) {
    svg.push(
      `<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${y(mark.ms)}" y2="${y(mark.ms)}" stroke="#c62828" stroke-dasharray="2 3"/>`,
      `<text x="${WIDTH - MARGIN.right + 6}" y="${y(mark.ms) + 4}" fill="#c62828">${mark.label}</text>`,
    );
  }
  for (const size of sizes) {
    svg.push(`<text x="${x(size)}" y="${HEIGHT - MARGIN.bottom + 20}" text-anchor="middle">${size.toLocaleString('en')} claims</text>`);
  }
  engines.forEach((engine, i) => {
    const color = COLORS[i % COLORS.length]!;
    const own = points.filter((point) => point.engine === engine).sort((a, b) => a.claims - b.claims);
    for (const [stat, dash] of [
      ['p50', ''],
      ['p99', ' stroke-dasharray="6 4"'],
    ] as const) {
      const path = own.map((point) => `${x(point.claims).toFixed(1)},${y(point[stat]).toFixed(1)}`).join(' ');
      svg.push(`<polyline points="${path}" fill="none" stroke="${color}" stroke-width="2"${dash}/>`);
      for (const point of own) svg.push(`<circle cx="${x(point.claims).toFixed(1)}" cy="${y(point[stat]).toFixed(1)}" r="3" fill="${color}"/>`);
    }
    const legendY = HEIGHT - MARGIN.bottom - (engines.length - 1 - i) * 16;
    svg.push(`<text x="${WIDTH - MARGIN.right + 6}" y="${legendY}" fill="${color}" font-weight="bold">${engine}</text>`);
  });
  svg.push('</svg>');
  return `${svg.join('\n')}\n`;
}
