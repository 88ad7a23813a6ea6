import { Locale } from '../common/enums';
import type { RoleModelData } from './role-model.data';
import { actorSection, edgeSection, MARKER, phaseSection } from './role-model.svg-sections';
import { describeRoleModel, SVG_TEXT } from './role-model.svg-text';
import {
  arrowMarker,
  escapeXml,
  FONT_STACK,
  INNER,
  MARGIN,
  rect,
  textBlock,
  WIDTH,
  wrapText,
} from './svg-kit';

/**
 * The role model as an accessible SVG: a title and a full text description for screen
 * readers, phases as columns with their tasks, actors per group, and the relations between
 * actors as labelled arrows. Pure: the same model and locale always give the same text.
 */
export function renderRoleModelSvg(model: RoleModelData, locale: Locale = Locale.NL): string {
  const t = SVG_TEXT[locale];
  const parts = [
    textBlock([t.title], MARGIN, MARGIN - 6, { size: 22, bold: true }),
    textBlock(wrapText(t.subtitle, INNER, 14), MARGIN, MARGIN + 26, { size: 14, fill: '#333333' }),
  ];
  let y = MARGIN + 70;
  for (const section of [phaseSection, actorSection, edgeSection]) {
    const s = section(model, locale, y);
    parts.push(...s.parts);
    y += s.height + 24;
  }
  const height = Math.round(y);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="rm-title" aria-describedby="rm-desc" xml:lang="${locale}" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="${escapeXml(FONT_STACK)}">`,
    `<title id="rm-title">${escapeXml(t.title)}</title>`,
    `<desc id="rm-desc">${escapeXml(describeRoleModel(model, locale))}</desc>`,
    `<defs>${arrowMarker(MARKER)}</defs>`,
    rect(0, 0, WIDTH, height, { fill: '#ffffff', radius: 0 }),
    ...parts,
    '</svg>',
    '',
  ].join('\n');
}
