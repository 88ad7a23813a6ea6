import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import sanitizeHtml from 'sanitize-html';
import { type ContentType, TextFormat, typeOfFolder, TYPE_FOLDERS } from './enums';
import { toGlobalId } from './node-id';

/** A `kb:<type-folder>/<slug>` link target inside a Markdown body. */
export interface KbLink {
  readonly href: string;
  readonly type?: ContentType;
  readonly slug?: string;
}

const KB_LINK = /^kb:([a-z-]+)\/([a-z0-9]+(?:-[a-z0-9]+)*)$/;

// Raw HTML in Markdown is escaped, not passed through; links are not auto-detected.
const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

export function parseKbLink(href: string): KbLink {
  const match = KB_LINK.exec(href);
  const type = match ? typeOfFolder(match[1]) : undefined;
  return type ? { href, type, slug: match![2] } : { href };
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

const renderer = new MarkdownIt({ html: false, linkify: false, typographer: false });
const defaultLinkOpen =
  renderer.renderer.rules.link_open ??
  ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
renderer.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  const link = parseKbLink(String(token.attrGet('href') ?? ''));
  if (link.type && link.slug) {
    token.attrSet('href', `/${TYPE_FOLDERS[link.type]}/${link.slug}`);
    token.attrSet('data-kb-id', toGlobalId(link.type, link.slug));
    token.attrSet('data-kb-type', link.type);
    token.attrSet('data-kb-slug', link.slug);
  }
  return defaultLinkOpen(tokens, idx, options, env, self);
};

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

export function renderBody(markdown: string, format: TextFormat): string {
  switch (format) {
    case TextFormat.MARKDOWN:
      return markdown;
    case TextFormat.PLAIN:
      return toPlain(markdown);
    case TextFormat.HTML:
      return sanitizeHtml(renderer.render(markdown), SANITIZE).trim();
  }
}
