import { defineComponent, h, type PropType, type VNode, type VNodeChild } from 'vue';
import { mediaUrl } from '@/api/config';

/**
 * Renders Strapi 5 "blocks" rich text into VNodes. The JSON is untrusted: only known node types
 * become elements, text is always text (never HTML), links are limited to http, https, mailto
 * and tel. Anything unexpected renders its text or nothing; it never throws.
 */

type Json = Record<string, unknown>;

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);

function isNode(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function childrenOf(node: Json): unknown[] {
  return Array.isArray(node.children) ? node.children : [];
}

/** Plain text of a node and its descendants. */
export function plainText(node: unknown): string {
  if (!isNode(node)) return '';
  if (node.type === 'text') return typeof node.text === 'string' ? node.text : '';
  return childrenOf(node).map(plainText).join('');
}

/**
 * Plain text of blocks, for structured data and previews: a blank line between blocks, one line
 * per list item.
 */
export function blocksToText(blocks: unknown): string {
  if (!Array.isArray(blocks)) return '';
  const blockText = (block: unknown): string =>
    isNode(block) && block.type === 'list'
      ? childrenOf(block).map(blockText).filter(Boolean).join('\n')
      : plainText(block).trim();
  return blocks.map(blockText).filter(Boolean).join('\n\n');
}

/** Returns a safe href, or undefined when the URL must not become a link. */
export function safeHref(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  const trimmed = url.trim();
  if (!trimmed) return undefined;
  let parsed: URL;
  try {
    // Parsed the way a browser would (strips tabs/newlines, resolves relative paths).
    parsed = new URL(trimmed, 'https://site.invalid/');
  } catch {
    return undefined;
  }
  return ALLOWED_PROTOCOLS.has(parsed.protocol) ? trimmed : undefined;
}

function isExternalHttp(href: string): boolean {
  return /^https?:\/\//i.test(href) || href.startsWith('//');
}

/** Text with line breaks (shift+enter in the editor) kept as <br>. */
function textWithBreaks(text: string): VNodeChild[] {
  const out: VNodeChild[] = [];
  text.split('\n').forEach((line, i) => {
    if (i > 0) out.push(h('br'));
    if (line) out.push(line);
  });
  return out;
}

function renderText(node: Json): VNodeChild {
  const text = typeof node.text === 'string' ? node.text : '';
  if (!text) return null;
  let out: VNodeChild = node.code === true ? h('code', text) : textWithBreaks(text);
  if (node.strikethrough === true) out = h('s', out);
  if (node.underline === true) out = h('u', out);
  if (node.italic === true) out = h('em', out);
  if (node.bold === true) out = h('strong', out);
  return out;
}

function renderInline(node: unknown): VNodeChild {
  if (!isNode(node)) return null;
  if (node.type === 'text') return renderText(node);
  if (node.type === 'link') {
    const children = childrenOf(node).map(renderInline);
    const href = safeHref(node.url);
    if (!href) return children;
    const external = isExternalHttp(href);
    return h('a', external ? { href, rel: 'noopener noreferrer' } : { href }, children);
  }
  // Unknown inline node: its text, as text.
  const text = plainText(node);
  return text || null;
}

function renderInlines(node: Json): VNodeChild[] {
  return childrenOf(node).map(renderInline);
}

/** Lowest heading level used at the top of the content (1-6), or undefined when none. */
function topHeadingLevel(blocks: unknown[]): number | undefined {
  let top: number | undefined;
  for (const block of blocks) {
    if (isNode(block) && block.type === 'heading') {
      const level = headingLevel(block.level);
      top = top === undefined ? level : Math.min(top, level);
    }
  }
  return top;
}

function headingLevel(level: unknown): number {
  const n = typeof level === 'number' && Number.isFinite(level) ? Math.trunc(level) : 2;
  return Math.min(6, Math.max(1, n));
}

function renderList(node: Json): VNode {
  const items: VNodeChild[][] = [];
  for (const child of childrenOf(node)) {
    if (!isNode(child)) continue;
    if (child.type === 'list') {
      // A nested list belongs inside the preceding item (ul > li > ul), never directly in ul.
      const nested = renderList(child);
      const last = items[items.length - 1];
      if (last) last.push(nested);
      else items.push([nested]);
    } else if (child.type === 'list-item') {
      items.push(renderInlines(child));
    } else {
      const text = plainText(child);
      if (text) items.push([text]);
    }
  }
  const tag = node.format === 'ordered' ? 'ol' : 'ul';
  return h(
    tag,
    items.map((children) => h('li', children)),
  );
}

function renderImage(node: Json): VNodeChild {
  const image = isNode(node.image) ? node.image : undefined;
  const src = mediaUrl(typeof image?.url === 'string' ? image.url : undefined);
  if (!image || !src) return null;
  const alt = typeof image.alternativeText === 'string' ? image.alternativeText : '';
  const attrs: Record<string, string | number> = { src, alt, loading: 'lazy', decoding: 'async' };
  if (typeof image.width === 'number') attrs.width = image.width;
  if (typeof image.height === 'number') attrs.height = image.height;
  const caption = typeof image.caption === 'string' && image.caption ? image.caption : undefined;
  return h('figure', { class: 'blocks-figure' }, [
    h('img', attrs),
    caption ? h('figcaption', caption) : null,
  ]);
}

function renderBlock(node: unknown, minLevel: number, shift: number): VNodeChild {
  if (!isNode(node)) return null;
  switch (node.type) {
    case 'paragraph': {
      if (!plainText(node).trim() && !childrenOf(node).some((c) => isNode(c) && c.type === 'link'))
        return null;
      return h('p', renderInlines(node));
    }
    case 'heading':
      return h(
        `h${Math.min(6, Math.max(minLevel, headingLevel(node.level) + shift))}`,
        renderInlines(node),
      );
    case 'list':
      return renderList(node);
    case 'quote':
      return h('blockquote', renderInlines(node));
    case 'code':
      return h('pre', [h('code', plainText(node))]);
    case 'image':
      return renderImage(node);
    default: {
      // Unknown block type: keep its text readable, drop its structure.
      const text = plainText(node);
      return text ? h('p', text) : null;
    }
  }
}

/**
 * Renders blocks with headings no higher than `minHeadingLevel`, keeping their hierarchy: when
 * the content's top heading is above it, every heading moves down by the difference (a body h1
 * becomes h2, its h2s become h3). Levels are clamped to 6.
 */
export function renderBlocks(blocks: unknown, minHeadingLevel = 2): VNodeChild[] {
  if (!Array.isArray(blocks)) return [];
  const minLevel = Math.min(6, Math.max(1, Math.trunc(minHeadingLevel)));
  const top = topHeadingLevel(blocks);
  const shift = top === undefined ? 0 : Math.max(0, minLevel - top);
  return blocks.map((block) => renderBlock(block, minLevel, shift));
}

export default defineComponent({
  name: 'BlocksRenderer',
  props: {
    /** Strapi blocks JSON (an array of block nodes). */
    blocks: { type: Array as PropType<readonly unknown[] | null>, default: null },
    /**
     * Highest heading the content may use, so the page's own <h1> stays unique: with 2, a body
     * "h1" becomes <h2> (and the rest of its headings move down with it).
     */
    minHeadingLevel: { type: Number, default: 2 },
    /** Wrapper element. */
    tag: { type: String, default: 'div' },
  },
  setup(props) {
    return () =>
      h(props.tag, { class: 'blocks' }, renderBlocks(props.blocks, props.minHeadingLevel));
  },
});
