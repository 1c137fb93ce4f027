/** Small builders for Strapi's blocks rich-text JSON, so seed content reads like the text it holds. */

export type TextNode = { type: 'text'; text: string; bold?: boolean; italic?: boolean };
export type LinkNode = { type: 'link'; url: string; children: TextNode[] };
export type InlineNode = TextNode | LinkNode;
export type ListItemNode = { type: 'list-item'; children: InlineNode[] };
export type BlockNode =
  | { type: 'paragraph'; children: InlineNode[] }
  | { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; children: InlineNode[] }
  | { type: 'list'; format: 'ordered' | 'unordered'; children: ListItemNode[] };

export const text = (value: string, marks: Omit<TextNode, 'type' | 'text'> = {}): TextNode => ({
  type: 'text',
  text: value,
  ...marks,
});

export const link = (url: string, label: string): LinkNode => ({
  type: 'link',
  url,
  children: [text(label)],
});

/** A paragraph from plain text, or from a mix of text and links. */
export const paragraph = (...parts: Array<string | InlineNode>): BlockNode => ({
  type: 'paragraph',
  children: parts.map((part) => (typeof part === 'string' ? text(part) : part)),
});

export const heading = (level: 2 | 3, value: string): BlockNode => ({
  type: 'heading',
  level,
  children: [text(value)],
});

export const bulletList = (items: string[]): BlockNode => ({
  type: 'list',
  format: 'unordered',
  children: items.map((item) => ({ type: 'list-item', children: [text(item)] })),
});
