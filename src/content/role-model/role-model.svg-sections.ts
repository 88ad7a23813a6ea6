import type { Locale } from '../common/enums';
import { textIn, type RoleModelData } from './role-model.data';
import { SVG_TEXT } from './role-model.svg-text';
import {
  arrow,
  blockHeight,
  columns,
  INNER,
  labelledBox,
  MARGIN,
  PAD,
  PALETTE,
  rect,
  textBlock,
  WIDTH,
  wrapText,
} from './svg-kit';

/**
 * The three parts of the role-model picture. Each draws from `top` downwards and says how
 * much height it took, so the page can stack them.
 */

/** Id of the arrow-head marker; the page defines it once. */
export const MARKER = 'rm-arrow';
const TASK_COLOUR = { fill: '#f5f7fa', stroke: '#5a6b7d' };

export interface Section {
  readonly parts: string[];
  readonly height: number;
}

export type SectionRenderer = (model: RoleModelData, locale: Locale, top: number) => Section;

const heading = (text: string, top: number) =>
  textBlock([text], MARGIN, top, { size: 18, bold: true });

const colours = (model: RoleModelData) =>
  new Map(model.groups.map((g, i) => [g.id, PALETTE[i % PALETTE.length]]));

/** Phases as columns, left to right with arrows between them, and their tasks below. */
export const phaseSection: SectionRenderer = (model, locale, top) => {
  const t = SVG_TEXT[locale];
  const actorLabel = new Map(model.actors.map((a) => [a.id, textIn(a.label, locale)]));
  const cols = columns(model.phases.length, 32);
  const headers = model.phases.map((p, i) =>
    wrapText(`${i + 1}. ${textIn(p.label, locale)}`, cols[i].width - 2 * PAD, 15, true),
  );
  const headerTop = top + 36;
  const headerHeight = Math.max(...headers.map((l) => blockHeight(l.length, 15))) + 2 * PAD + 6;
  const parts = [heading(t.phasesHeading, top)];
  let bottom = headerTop + headerHeight;
  model.phases.forEach((phase, i) => {
    const { x, width } = cols[i];
    const middle = headerTop + headerHeight / 2;
    parts.push(rect(x, headerTop, width, headerHeight, { fill: '#24476b', radius: 4 }));
    const style = { size: 15, bold: true, fill: '#ffffff', anchor: 'middle' } as const;
    const textTop = middle - blockHeight(headers[i].length, 15) / 2;
    parts.push(textBlock(headers[i], x + width / 2, textTop, style));
    if (i > 0) parts.push(arrow(x - 28, middle, x - 4, middle, MARKER));
    let y = headerTop + headerHeight + 12;
    for (const task of model.tasks.filter((k) => k.phase === phase.id)) {
      const who = task.actors.map((a) => actorLabel.get(a) ?? a).join(', ');
      const label = textIn(task.label, locale);
      const text = { label, detail: `${t.carriedOutBy}: ${who}` };
      const box = labelledBox(x, y, width, text, TASK_COLOUR);
      parts.push(box.svg);
      y += box.height + 10;
    }
    bottom = Math.max(bottom, y);
  });
  return { parts, height: bottom - top };
};

/** Actors in one column per group, each with its description. */
export const actorSection: SectionRenderer = (model, locale, top) => {
  const parts = [heading(SVG_TEXT[locale].actorsHeading, top)];
  const perRow = Math.min(model.groups.length, 5);
  const cols = columns(perRow, 16);
  const colourOf = colours(model);
  let rowTop = top + 36;
  for (let start = 0; start < model.groups.length; start += perRow) {
    let rowBottom = rowTop;
    model.groups.slice(start, start + perRow).forEach((group, i) => {
      const { x, width } = cols[i];
      const colour = colourOf.get(group.id)!;
      const lines = wrapText(textIn(group.label, locale), width - 2 * PAD, 15, true);
      const headerHeight = blockHeight(lines.length, 15) + 2 * PAD;
      parts.push(rect(x, rowTop, width, headerHeight, { fill: colour.dark, radius: 4 }));
      parts.push(
        textBlock(lines, x + PAD, rowTop + PAD, { size: 15, bold: true, fill: '#ffffff' }),
      );
      let y = rowTop + headerHeight + 10;
      for (const actor of model.actors.filter((a) => a.group === group.id)) {
        const text = {
          label: textIn(actor.label, locale),
          detail: textIn(actor.description, locale),
        };
        const box = labelledBox(x, y, width, text, { fill: colour.light, stroke: colour.dark });
        parts.push(box.svg);
        y += box.height + 10;
      }
      rowBottom = Math.max(rowBottom, y);
    });
    rowTop = rowBottom + 10;
  }
  return { parts, height: rowTop - top };
};

/** One row per relation: the two actors as boxes, joined by a labelled arrow. */
export const edgeSection: SectionRenderer = (model, locale, top) => {
  const parts = [heading(SVG_TEXT[locale].edgesHeading, top)];
  const colourOf = colours(model);
  const actors = new Map(model.actors.map((a) => [a.id, a]));
  const boxWidth = 300;
  const arrowWidth = INNER - 2 * boxWidth;
  let y = top + 36;
  for (const edge of model.edges) {
    const ends = [actors.get(edge.from)!, actors.get(edge.to)!];
    const label = wrapText(textIn(edge.label, locale), arrowWidth - 24, 13);
    const box = (k: number, top: number) => {
      const actor = ends[k];
      const colour = colourOf.get(actor.group)!;
      const x = MARGIN + k * (boxWidth + arrowWidth);
      const text = { label: textIn(actor.label, locale), size: 13, centred: true };
      return labelledBox(x, top, boxWidth, text, { fill: colour.light, stroke: colour.dark });
    };
    const labelHeight = blockHeight(label.length, 13);
    const boxHeights = [0, 1].map((k) => box(k, 0).height);
    const height = Math.max(...boxHeights, 2 * (labelHeight + 6));
    [0, 1].forEach((k) => parts.push(box(k, y + (height - boxHeights[k]) / 2).svg));
    const middle = y + height / 2;
    parts.push(
      arrow(MARGIN + boxWidth + 4, middle, MARGIN + boxWidth + arrowWidth - 4, middle, MARKER),
    );
    const labelStyle = { size: 13, anchor: 'middle' } as const;
    parts.push(textBlock(label, WIDTH / 2, middle - 4 - labelHeight, labelStyle));
    y += height + 10;
  }
  return { parts, height: y - top };
};
