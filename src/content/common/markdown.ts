import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import sanitizeHtml from 'sanitize-html';
import { SLUG_PATTERN } from '../../lib/slug';
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

interface RenderEnv {
  readonly resolveLink?: ResolveLink;
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

/** A body in one format; `resolveLink` turns `kb:` links into links to the items. */
export function renderBody(
  markdown: string,
  format: TextFormat,
  resolveLink?: ResolveLink,
): string {
  switch (format) {
    case TextFormat.MARKDOWN:
      return markdown;
    case TextFormat.PLAIN:
      return toPlain(markdown);
    case TextFormat.HTML:
      return sanitizeHtml(
        renderer.render(markdown, { resolveLink } satisfies RenderEnv),
        SANITIZE,
      ).trim();
  }
}
