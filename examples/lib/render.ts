/**
 * Node-side helpers for the examples: write a file, and draw a small chart in
 * the terminal. (SVG charts come from `charts` and `renderSvg` in the library.)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Write text to a file, creating its folder. */
export function writeFile(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/**
 * A chart in the terminal: each series scaled to [0, its max], one row per
 * level, one column per sample; `marks` shade columns (e.g. an absence).
 */
export function terminalChart(
  series: { label: string; symbol: string; values: ArrayLike<number> }[],
  options: { height?: number; shade?: (column: number) => boolean; axis?: string } = {},
): string {
  const height = options.height ?? 12;
  const width = series[0]!.values.length;
  const max = Math.max(...series.flatMap((s) => Array.from(s.values)));
  const grid = Array.from({ length: height }, () => new Array<string>(width).fill(' '));
  for (let c = 0; c < width; c++) if (options.shade?.(c)) for (const row of grid) row[c] = '░';
  for (const s of series) {
    for (let c = 0; c < width; c++) {
      const level = Math.round((s.values[c]! / max) * (height - 1));
      grid[height - 1 - level]![c] = s.symbol;
    }
  }
  const lines = grid.map((row) => `  │${row.join('')}`);
  lines.push(`  └${'─'.repeat(width)}`);
  if (options.axis) lines.push(`   ${options.axis}`);
  lines.push(`   ${series.map((s) => `${s.symbol} ${s.label}`).join('    ')}${options.shade ? '    ░ absence' : ''}`);
  return lines.join('\n');
}
