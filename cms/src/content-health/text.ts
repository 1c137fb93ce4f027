/**
 * Text out of Strapi's fields: the blocks rich text (paragraphs, headings, lists, quotes, code,
 * links) and plain text. Pure functions over the JSON the Document Service returns.
 */

interface Node {
  type?: unknown;
  text?: unknown;
  url?: unknown;
  children?: unknown;
}

const asNodes = (value: unknown): Node[] =>
  Array.isArray(value)
    ? value.filter((node): node is Node => !!node && typeof node === 'object')
    : [];

function inlineText(nodes: Node[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'text' || (node.type === undefined && typeof node.text === 'string')) {
        return typeof node.text === 'string' ? node.text : '';
      }
      if (node.type === 'list' || node.type === 'list-item') return ''; // nested: own segments
      return inlineText(asNodes(node.children));
    })
    .join('');
}

/**
 * The text of each block, in order: a paragraph, a heading, a quote, a code block, each list item
 * (nested lists included) is one segment. A segment ends a sentence even without a full stop (a
 * heading or a list item reads as one). Images have no text.
 */
export function blocksToSegments(value: unknown): string[] {
  const segments: string[] = [];
  const visit = (nodes: Node[]) => {
    for (const node of nodes) {
      if (node.type === 'list') {
        visit(asNodes(node.children));
        continue;
      }
      if (node.type === 'image') continue;
      const children = asNodes(node.children);
      const text = inlineText(children).trim();
      if (text) segments.push(text);
      // A list item may hold a nested list after its own text.
      visit(children.filter((child) => child.type === 'list'));
    }
  };
  visit(asNodes(value));
  return segments;
}

/** Plain text (a `text` or `string` field) as segments: one per non-empty line. */
export function plainTextToSegments(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  return value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** The segments of any text field, blocks or plain. */
export function fieldSegments(value: unknown): string[] {
  return Array.isArray(value) ? blocksToSegments(value) : plainTextToSegments(value);
}

/** The whole text of a field, segments joined by blank lines (for placeholder detection). */
export function fieldText(value: unknown): string {
  return fieldSegments(value).join('\n');
}

export interface BlockLink {
  url: string;
  /** The link's visible text. */
  text: string;
}

/** Every link in a blocks field, in order. */
export function blocksLinks(value: unknown): BlockLink[] {
  const links: BlockLink[] = [];
  const visit = (nodes: Node[]) => {
    for (const node of nodes) {
      const children = asNodes(node.children);
      if (node.type === 'link' && typeof node.url === 'string') {
        links.push({ url: node.url, text: inlineText(children).trim() });
      }
      visit(children);
    }
  };
  visit(asNodes(value));
  return links;
}
