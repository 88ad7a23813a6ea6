import { TextFormat } from '../../src/content/common/enums';
import { extractKbLinks, renderBody } from '../../src/content/common/markdown';
import { fromGlobalId, toGlobalId } from '../../src/content/common/node-id';
import { LegalReference } from '../../src/content/legal-power/legal-reference';
import { decodeKeyset, encodeKeyset } from '../../src/content/common/connection';
import { ContentType } from '../../src/content/registry';

describe('Markdown bodies', () => {
  it('finds kb: links, well-formed or not, and ignores other links', () => {
    const links = extractKbLinks(
      '[a](kb:legal-powers/noodbevel) [b](https://x.nl) [c](kb:nope) *[d](kb:guidance/x-y)*',
    );
    expect(links).toEqual([
      { href: 'kb:legal-powers/noodbevel', folder: 'legal-powers', slug: 'noodbevel' },
      { href: 'kb:nope' },
      { href: 'kb:guidance/x-y', folder: 'guidance', slug: 'x-y' },
    ]);
  });

  it('drops script, event handlers and javascript: links from HTML', () => {
    const html = renderBody(
      '<img src=x onerror=alert(1)> [x](javascript:alert(1)) <b>vet</b>',
      TextFormat.HTML,
    );
    expect(html).not.toMatch(/<img|<b>|href="javascript/);
    expect(html).toContain('&lt;b&gt;vet&lt;/b&gt;');
  });

  it('renders headings, lists and tables as plain text', () => {
    expect(
      renderBody(
        '## Kop\n\nTekst *nadruk*.\n\n1. een\n2. twee\n\n- los\n\n`code`',
        TextFormat.PLAIN,
      ),
    ).toBe('Kop\n\nTekst nadruk.\n\n1. een\n2. twee\n\n- los\n\ncode');
  });
});

describe('ids and cursors', () => {
  it('round-trips global ids and rejects forged ones', () => {
    const id = toGlobalId(ContentType.TARGET_GROUP, 'jihadisme');
    expect(fromGlobalId(id)).toEqual({ type: ContentType.TARGET_GROUP, slug: 'jihadisme' });
    expect(fromGlobalId(Buffer.from('TARGET_GROUP:../etc').toString('base64url'))).toBeUndefined();
    expect(fromGlobalId('')).toBeUndefined();
    expect(fromGlobalId('x'.repeat(500))).toBeUndefined();
  });

  it('ties cursors to their ordering', () => {
    const cursor = encodeKeyset({ order: 'A', value: 'titel', id: 3 });
    expect(decodeKeyset(cursor, 'A')).toEqual({ order: 'A', value: 'titel', id: 3 });
    expect(() => decodeKeyset(cursor, 'B')).toThrow(/another order/);
    expect(() => decodeKeyset(Buffer.from('[1,2]').toString('base64url'), 'A')).toThrow(
      /not a cursor/,
    );
  });
});

describe('LegalReference', () => {
  it('derives the Juriconnect id and wetten.overheid.nl URL from BWB id and article', () => {
    expect(LegalReference.of('BWBR0040635', '7:1')).toEqual({
      bwbId: 'BWBR0040635',
      article: '7:1',
      juriconnect: 'jci1.3:c:BWBR0040635&artikel=7:1',
      url: 'https://wetten.overheid.nl/jci1.3:c:BWBR0040635&artikel=7:1',
    });
  });
});
