/**
 * Small helpers to write SVG as text: escaping, word wrapping by estimated width, and boxes
 * and text blocks. Text widths are estimated from the font size, so no DOM is needed.
 */

export const FONT_STACK =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/** Group colours: a dark tone for headers (white text) and a light tint for boxes (dark text). */
export const PALETTE: readonly { readonly dark: string; readonly light: string }[] = [
  { dark: '#1f4e8c', light: '#e8f0fa' },
  { dark: '#1b6b3a', light: '#e7f4ec' },
  { dark: '#8a3412', light: '#fbece4' },
  { dark: '#5b3a8c', light: '#f0eaf8' },
  { dark: '#6b5000', light: '#fbf3dc' },
  { dark: '#0f5f66', light: '#e3f3f4' },
];

export const INK = '#1a1a1a';

/** Page geometry shared by the sections of a picture. */
export const WIDTH = 1200;
export const MARGIN = 28;
export const INNER = WIDTH - 2 * MARGIN;
export const PAD = 10;

/** `count` equal columns across the page with `gap` pixels between them. */
export function columns(count: number, gap: number): { x: number; width: number }[] {
  const width = (INNER - gap * (count - 1)) / Math.max(count, 1);
  return Array.from({ length: count }, (_, i) => ({ x: MARGIN + i * (width + gap), width }));
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const round = (n: number) => Math.round(n * 10) / 10;

export const lineHeight = (size: number) => Math.round(size * 1.35);

/** Greedy word wrap to `width` pixels; an over-long word gets a line of its own. */
export function wrapText(text: string, width: number, size: number, bold = false): string[] {
  const maxChars = Math.max(6, Math.floor(width / (size * (bold ? 0.66 : 0.58))));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > maxChars) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

export interface TextStyle {
  readonly size: number;
  readonly bold?: boolean;
  readonly fill?: string;
  readonly anchor?: 'start' | 'middle' | 'end';
}

/** Lines of text whose first baseline sits one line height below `top`. */
export function textBlock(
  lines: readonly string[],
  x: number,
  top: number,
  style: TextStyle,
): string {
  const lh = lineHeight(style.size);
  const attrs = [
    `x="${round(x)}"`,
    `y="${round(top + style.size)}"`,
    `font-size="${style.size}"`,
    style.bold ? 'font-weight="700"' : '',
    `fill="${style.fill ?? INK}"`,
    style.anchor && style.anchor !== 'start' ? `text-anchor="${style.anchor}"` : '',
  ].filter(Boolean);
  const spans = lines
    .map((l, i) => `<tspan x="${round(x)}" dy="${i === 0 ? 0 : lh}">${escapeXml(l)}</tspan>`)
    .join('');
  return `<text ${attrs.join(' ')}>${spans}</text>`;
}

export const blockHeight = (lineCount: number, size: number) =>
  lineCount === 0 ? 0 : (lineCount - 1) * lineHeight(size) + Math.round(size * 1.3);

export function rect(
  x: number,
  y: number,
  width: number,
  height: number,
  style: { fill: string; stroke?: string; radius?: number },
): string {
  const stroke = style.stroke ? ` stroke="${style.stroke}" stroke-width="1.5"` : '';
  return `<rect x="${round(x)}" y="${round(y)}" width="${round(width)}" height="${round(height)}" rx="${style.radius ?? 6}" fill="${style.fill}"${stroke}/>`;
}

export function arrow(x1: number, y1: number, x2: number, y2: number, markerId: string): string {
  return `<line x1="${round(x1)}" y1="${round(y1)}" x2="${round(x2)}" y2="${round(y2)}" stroke="${INK}" stroke-width="1.6" marker-end="url(#${markerId})"/>`;
}

export function arrowMarker(id: string): string {
  return `<marker id="${id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="${INK}"/></marker>`;
}

/** A box with a bold label and optional smaller text under it, and the height it took. */
export function labelledBox(
  x: number,
  y: number,
  width: number,
  text: { label: string; detail?: string; size?: number; centred?: boolean },
  colour: { fill: string; stroke: string },
): { svg: string; height: number } {
  const size = text.size ?? 14;
  const labelLines = wrapText(text.label, width - 2 * PAD, size, true);
  const detailLines = text.detail ? wrapText(text.detail, width - 2 * PAD, 12) : [];
  const labelHeight = blockHeight(labelLines.length, size);
  const gap = detailLines.length ? 6 : 0;
  const height = 2 * PAD + labelHeight + gap + blockHeight(detailLines.length, 12);
  const labelX = text.centred ? x + width / 2 : x + PAD;
  const anchor = text.centred ? 'middle' : 'start';
  const parts = [
    rect(x, y, width, height, colour),
    textBlock(labelLines, labelX, y + PAD, { size, bold: true, anchor }),
    detailLines.length
      ? textBlock(detailLines, x + PAD, y + PAD + labelHeight + gap, { size: 12 })
      : '',
  ];
  return { svg: parts.join(''), height };
}
