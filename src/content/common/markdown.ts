import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import sanitizeHtml from 'sanitize-html';
import { SLUG_PATTERN } from '../../lib/slug';
import { foldText } from '../../lib/text';
import { TextFormat } from './enums';

/** A `kb:<type-folder>/<slug>` link target inside a Markdown body. */
export interface KbLink {
  readonly href: string;
  /** Folder and slug, when the link has the `kb:<folder>/<slug>` shape. */
  readonly folder?: string;
  readonly slug?: string;
}

/** Where a well-formed `kb:` link leads, as the body's HTML carries it. */
export interface LinkTarget {
  readonly href: string;
  readonly id: string;
  readonly type: string;
  readonly slug: string;
}

/** Resolves `kb:<folder>/<slug>`; undefined leaves the link as written. */
export type ResolveLink = (folder: string, slug: string) => LinkTarget | undefined;

const KB_LINK = new RegExp(`^kb:([a-z-]+)/(${SLUG_PATTERN.source.slice(1, -1)})$`);

// Raw HTML in Markdown is escaped, not passed through; links are not auto-detected.
const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

export function parseKbLink(href: string): KbLink {
  const match = KB_LINK.exec(href);
  return match ? { href, folder: match[1], slug: match[2] } : { href };
}

/** Every `kb:` link in a Markdown text, in order of appearance. */
export function extractKbLinks(markdown: string): KbLink[] {
  const links: KbLink[] = [];
  const visit = (tokens: Token[]) => {
    for (const token of tokens) {
      if (token.type === 'link_open') {
        const href = String(token.attrGet('href') ?? '');
        if (href.startsWith('kb:')) links.push(parseKbLink(href));
      }
      if (token.children) visit(token.children);
    }
  };
  visit(md.parse(markdown, {}));
  return links;
}

/** A heading of a body: the id its HTML carries, its level (2 for `##`) and its text. */
export interface Heading {
  readonly id: string;
  readonly level: number;
  readonly text: string;
}

/** Words a reader reads per minute, for `readingTimeMinutes`. */
const WORDS_PER_MINUTE = 200;

/** Ids for headings from their text: folded, hyphenated, numbered when repeated. */
function headingIds(): (text: string) => string {
  const seen = new Map<string, number>();
  return (text) => {
    const base =
      foldText(text)
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 60)
        .replace(/-+$/, '') || 'kop';
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  };
}

const inlineText = (token: Token | undefined): string =>
  (token?.children ?? [])
    .filter((c) => c.type === 'text' || c.type === 'code_inline')
    .map((c) => c.content)
    .join('')
    .trim();

/** The headings of a Markdown text in order, with the ids the HTML body gives them. */
export function headingsOf(markdown: string): Heading[] {
  const idOf = headingIds();
  const tokens = md.parse(markdown, {});
  const headings: Heading[] = [];
  tokens.forEach((token, i) => {
    if (token.type !== 'heading_open') return;
    const text = inlineText(tokens[i + 1]);
    headings.push({ id: idOf(text), level: Number(token.tag.slice(1)), text });
  });
  return headings;
}

/** Minutes a reader needs for a text at 200 words a minute; at least 1. */
export function readingMinutes(plain: string): number {
  const words = plain.split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.ceil(words / WORDS_PER_MINUTE));
}

interface RenderEnv {
  readonly resolveLink?: ResolveLink;
  /** Levels every heading moves down by (h2 becomes h3 with 1), at most to h6. */
  readonly headingOffset: number;
  readonly headingId: (text: string) => string;
}

const renderer = new MarkdownIt({ html: false, linkify: false, typographer: false });
const defaultLinkOpen =
  renderer.renderer.rules.link_open ??
  ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
renderer.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  const link = parseKbLink(String(token.attrGet('href') ?? ''));
  const resolve = (env as RenderEnv | undefined)?.resolveLink;
  const target = link.folder && link.slug ? resolve?.(link.folder, link.slug) : undefined;
  if (target) {
    token.attrSet('href', target.href);
    token.attrSet('data-kb-id', target.id);
    token.attrSet('data-kb-type', target.type);
    token.attrSet('data-kb-slug', target.slug);
  }
  return defaultLinkOpen(tokens, idx, options, env, self);
};

renderer.renderer.rules.heading_open = (tokens, idx, options, env, self) => {
  const { headingOffset, headingId } = env as unknown as RenderEnv;
  const open = tokens[idx];
  // markdown-it emits a heading as heading_open, its inline content, heading_close.
  const close = tokens[idx + 2];
  const level = Math.min(6, Number(open.tag.slice(1)) + headingOffset);
  open.attrSet('id', headingId(inlineText(tokens[idx + 1])));
  open.tag = `h${level}`;
  if (close?.type === 'heading_close') close.tag = open.tag;
  return self.renderToken(tokens, idx, options);
};

const HEADING_ATTRIBUTES = ['id'];

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'p',
    'ul',
    'ol',
    'li',
    'blockquote',
    'pre',
    'code',
    'em',
    'strong',
    'del',
    'a',
    'hr',
    'br',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: {
    h1: HEADING_ATTRIBUTES,
    h2: HEADING_ATTRIBUTES,
    h3: HEADING_ATTRIBUTES,
    h4: HEADING_ATTRIBUTES,
    h5: HEADING_ATTRIBUTES,
    h6: HEADING_ATTRIBUTES,
    a: ['href', 'title', 'data-kb-id', 'data-kb-type', 'data-kb-slug'],
    th: ['style'],
    td: ['style'],
  },
  allowedStyles: { '*': { 'text-align': [/^(left|right|center)$/] } },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
};

/** Plain text: block elements become paragraphs, list items get a dash. */
function toPlain(markdown: string): string {
  const out: string[] = [];
  let line = '';
  const counters: number[] = []; // per open list: next number, or 0 for bullets
  const flush = (sep: string) => {
    if (line.trim()) out.push(line.trim(), sep);
    line = '';
  };
  for (const token of md.parse(markdown, {})) {
    if (token.type === 'inline') {
      for (const child of token.children ?? []) {
        if (child.type === 'text' || child.type === 'code_inline') line += child.content;
        else if (child.type === 'softbreak' || child.type === 'hardbreak') line += ' ';
      }
    } else if (token.type === 'ordered_list_open') {
      counters.push(Number(token.attrGet('start') ?? 1));
    } else if (token.type === 'bullet_list_open') {
      counters.push(0);
    } else if (token.type === 'bullet_list_close' || token.type === 'ordered_list_close') {
      counters.pop();
      if (counters.length === 0 && out.at(-1) === '\n') out[out.length - 1] = '\n\n';
    } else if (token.type === 'list_item_open') {
      const n = counters.at(-1) ?? 0;
      line += n > 0 ? `${n}. ` : '- ';
      if (n > 0) counters[counters.length - 1] = n + 1;
    } else if (token.type === 'code_block' || token.type === 'fence') {
      line += token.content;
      flush('\n\n');
    } else if (token.type === 'paragraph_close' || token.type === 'heading_close') {
      flush(token.hidden ? '\n' : '\n\n');
    }
  }
  return out.join('').trim();
}

/**
 * A body in one format; `resolveLink` turns `kb:` links into links to the items. In HTML every
 * heading carries the id `headingsOf` gives it, `headingOffset` levels lower (at most h6).
 */
export function renderBody(
  markdown: string,
  format: TextFormat,
  resolveLink?: ResolveLink,
  headingOffset = 0,
): string {
  switch (format) {
    case TextFormat.MARKDOWN:
      return markdown;
    case TextFormat.PLAIN:
      return toPlain(markdown);
    case TextFormat.HTML:
      return sanitizeHtml(
        renderer.render(markdown, {
          resolveLink,
          headingOffset,
          headingId: headingIds(),
        } satisfies RenderEnv),
        SANITIZE,
      ).trim();
  }
}
