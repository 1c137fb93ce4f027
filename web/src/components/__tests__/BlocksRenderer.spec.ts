import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import BlocksRenderer, { blocksToText, safeHref } from '@/components/BlocksRenderer';

const text = (value: string, marks: Record<string, boolean> = {}) => ({
  type: 'text',
  text: value,
  ...marks,
});
const paragraph = (...children: unknown[]) => ({ type: 'paragraph', children });

function render(blocks: unknown[], minHeadingLevel?: number) {
  return mount(BlocksRenderer, {
    props: { blocks, ...(minHeadingLevel === undefined ? {} : { minHeadingLevel }) },
  });
}

/** The rendered HTML without Vue's comment placeholders. */
function html(blocks: unknown[], minHeadingLevel?: number): string {
  return render(blocks, minHeadingLevel)
    .html({ raw: true })
    .replace(/<!--.*?-->/g, '')
    .replace(/^<div class="blocks">|<\/div>$/g, '');
}

describe('BlocksRenderer: block nodes', () => {
  it.each([
    ['paragraph', [paragraph(text('Hello'))], '<p>Hello</p>'],
    [
      'heading h1 → h2 (page keeps its own h1)',
      [{ type: 'heading', level: 1, children: [text('Title')] }],
      '<h2>Title</h2>',
    ],
    ['heading h2 stays h2', [{ type: 'heading', level: 2, children: [text('A')] }], '<h2>A</h2>'],
    [
      'h1 + h2 → h2 + h3 (hierarchy kept)',
      [
        { type: 'heading', level: 1, children: [text('A')] },
        { type: 'heading', level: 2, children: [text('B')] },
      ],
      '<h2>A</h2><h3>B</h3>',
    ],
    [
      'h1 + h6 → h2 + h6 (clamped at h6)',
      [
        { type: 'heading', level: 1, children: [text('A')] },
        { type: 'heading', level: 6, children: [text('B')] },
      ],
      '<h2>A</h2><h6>B</h6>',
    ],
    ['heading h4', [{ type: 'heading', level: 4, children: [text('A')] }], '<h4>A</h4>'],
    [
      'unordered list',
      [
        {
          type: 'list',
          format: 'unordered',
          children: [
            { type: 'list-item', children: [text('one')] },
            { type: 'list-item', children: [text('two')] },
          ],
        },
      ],
      '<ul><li>one</li><li>two</li></ul>',
    ],
    [
      'ordered list',
      [
        {
          type: 'list',
          format: 'ordered',
          children: [{ type: 'list-item', children: [text('1st')] }],
        },
      ],
      '<ol><li>1st</li></ol>',
    ],
    [
      'nested list goes inside the previous item',
      [
        {
          type: 'list',
          format: 'unordered',
          children: [
            { type: 'list-item', children: [text('parent')] },
            {
              type: 'list',
              format: 'ordered',
              children: [{ type: 'list-item', children: [text('child')] }],
            },
          ],
        },
      ],
      '<ul><li>parent<ol><li>child</li></ol></li></ul>',
    ],
    ['quote', [{ type: 'quote', children: [text('Said')] }], '<blockquote>Said</blockquote>'],
    [
      'code block',
      [{ type: 'code', children: [text('const a = 1;')] }],
      '<pre><code>const a = 1;</code></pre>',
    ],
    ['line breaks inside text', [paragraph(text('line 1\nline 2'))], '<p>line 1<br>line 2</p>'],
    ['empty paragraph renders nothing', [paragraph(text(''))], ''],
  ])('%s', (_name, blocks, expected) => {
    expect(html(blocks)).toBe(expected);
  });

  it('renders images with alt text and prefixes relative upload URLs', () => {
    const wrapper = render([
      {
        type: 'image',
        image: {
          url: '/uploads/brain_1234.png',
          alternativeText: 'Diagram of the brain',
          width: 800,
          height: 600,
        },
        children: [text('')],
      },
    ]);
    const img = wrapper.get('img');
    expect(img.attributes('src')).toBe('/uploads/brain_1234.png');
    expect(img.attributes('alt')).toBe('Diagram of the brain');
    expect(img.attributes('width')).toBe('800');
    expect(img.attributes('loading')).toBe('lazy');
  });

  it.each([['javascript:alert(1)'], ['data:text/html;base64,PHNjcmlwdD4=']])(
    'an image with a %s URL is dropped',
    (url) => {
      const wrapper = render([
        { type: 'image', image: { url, alternativeText: 'x' }, children: [] },
      ]);
      expect(wrapper.find('img').exists()).toBe(false);
    },
  );

  it('minHeadingLevel can be raised (e.g. answers under an h2 question)', () => {
    expect(html([{ type: 'heading', level: 1, children: [text('A')] }], 3)).toBe('<h3>A</h3>');
    expect(html([{ type: 'heading', level: 2, children: [text('A')] }], 3)).toBe('<h3>A</h3>');
  });
});

describe('BlocksRenderer: text marks', () => {
  it.each([
    ['bold', { bold: true }, '<p><strong>x</strong></p>'],
    ['italic', { italic: true }, '<p><em>x</em></p>'],
    ['underline', { underline: true }, '<p><u>x</u></p>'],
    ['strikethrough', { strikethrough: true }, '<p><s>x</s></p>'],
    ['code', { code: true }, '<p><code>x</code></p>'],
    [
      'all marks at once',
      { bold: true, italic: true, underline: true, strikethrough: true, code: true },
      '<p><strong><em><u><s><code>x</code></s></u></em></strong></p>',
    ],
  ])('%s', (_name, marks, expected) => {
    expect(html([paragraph(text('x', marks))])).toBe(expected);
  });
});

describe('BlocksRenderer: links', () => {
  const link = (url: string) => [
    paragraph(text('See '), { type: 'link', url, children: [text('this')] }),
  ];

  it.each([
    ['https://example.org/a', 'https://example.org/a', 'noopener noreferrer'],
    ['http://example.org', 'http://example.org', 'noopener noreferrer'],
    ['mailto:care@example.org', 'mailto:care@example.org', undefined],
    ['tel:988', 'tel:988', undefined],
    ['/faq', '/faq', undefined],
  ])('%s becomes a link', (url, href, rel) => {
    const a = render(link(url)).get('a');
    expect(a.attributes('href')).toBe(href);
    expect(a.attributes('rel')).toBe(rel);
    expect(a.text()).toBe('this');
  });

  it.each([
    ['javascript:alert(1)'],
    ['JavaScript:alert(1)'],
    [' javascript:alert(1)'],
    ['java\tscript:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['vbscript:msgbox(1)'],
    ['file:///etc/passwd'],
    [''],
  ])('%j is inert: no <a>, the text stays', (url) => {
    const wrapper = render(link(url));
    expect(wrapper.find('a').exists()).toBe(false);
    expect(wrapper.text()).toBe('See this');
    expect(wrapper.html()).not.toContain('href');
  });

  it.each([
    ['https://a.b', true],
    ['sms:988', false],
    ['ftp://x', false],
    [42, false],
    [null, false],
  ])('safeHref(%j) allowed: %s', (url, allowed) => {
    expect(safeHref(url) !== undefined).toBe(allowed);
  });
});

describe('BlocksRenderer: untrusted input', () => {
  it('HTML inside text is shown as text, never parsed', () => {
    const wrapper = render([paragraph(text('<img src=x onerror="alert(1)"><b>hi</b>'))]);
    expect(wrapper.find('img').exists()).toBe(false);
    expect(wrapper.find('b').exists()).toBe(false);
    expect(wrapper.text()).toBe('<img src=x onerror="alert(1)"><b>hi</b>');
    expect(wrapper.html()).toContain('&lt;img src=x onerror="alert(1)"&gt;');
  });

  it.each([
    ['unknown block with text', [{ type: 'table', children: [text('cell')] }], '<p>cell</p>'],
    ['unknown block without text', [{ type: 'divider' }], ''],
    [
      'unknown inline node',
      [paragraph(text('a '), { type: 'mention', children: [text('b')] })],
      '<p>a b</p>',
    ],
    ['not an object', [null, 3, 'str', [1]], ''],
    ['text without a string', [paragraph({ type: 'text', text: 5 })], ''],
    ['heading without a level', [{ type: 'heading', children: [text('h')] }], '<h2>h</h2>'],
    ['list with junk children', [{ type: 'list', children: [null, { type: 'x' }] }], '<ul></ul>'],
  ])('%s renders safely', (_name, blocks, expected) => {
    expect(html(blocks as unknown[])).toBe(expected);
  });

  it('null or non-array blocks render an empty wrapper', () => {
    expect(mount(BlocksRenderer, { props: { blocks: null } }).html()).toBe(
      '<div class="blocks"></div>',
    );
  });
});

describe('blocksToText', () => {
  it('gives each block its paragraph and each list item its line', () => {
    const blocks = [
      paragraph(text('Some factors, like:')),
      {
        type: 'list',
        format: 'unordered',
        children: [
          { type: 'list-item', children: [text('Loss')] },
          { type: 'list-item', children: [text('Isolation '), text('and more', { bold: true })] },
        ],
      },
      { type: 'heading', level: 2, children: [text('Next')] },
      paragraph(text('  ')),
    ];
    expect(blocksToText(blocks)).toBe('Some factors, like:\n\nLoss\nIsolation and more\n\nNext');
  });

  it.each([null, undefined, 'text', {}])('is empty for %j', (value) => {
    expect(blocksToText(value)).toBe('');
  });
});
