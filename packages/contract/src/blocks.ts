/**
 * What a Strapi 5 *blocks* field holds (the blocks editor's JSON), and a media file as the REST
 * API returns it. The schema says only `type: 'blocks'` / `type: 'media'`; their inner shape is
 * Strapi's, written once here. Treat blocks as untrusted input wherever they are rendered.
 */

export interface TextNode {
  type: 'text';
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  code?: boolean;
}

export interface LinkNode {
  type: 'link';
  url: string;
  children: TextNode[];
}

export type InlineNode = TextNode | LinkNode;

export interface ParagraphBlock {
  type: 'paragraph';
  children: InlineNode[];
}

export interface HeadingBlock {
  type: 'heading';
  level: 1 | 2 | 3 | 4 | 5 | 6;
  children: InlineNode[];
}

export interface ListItemBlock {
  type: 'list-item';
  children: InlineNode[];
}

export interface ListBlock {
  type: 'list';
  format: 'ordered' | 'unordered';
  indentLevel?: number;
  children: (ListItemBlock | ListBlock)[];
}

export interface QuoteBlock {
  type: 'quote';
  children: InlineNode[];
}

export interface CodeBlock {
  type: 'code';
  language?: string;
  children: InlineNode[];
}

export interface ImageBlock {
  type: 'image';
  image: MediaFile;
  children: InlineNode[];
}

export type Block = ParagraphBlock | HeadingBlock | ListBlock | QuoteBlock | CodeBlock | ImageBlock;

/** What a blocks field holds. */
export type BlocksContent = Block[];

export interface MediaFormat {
  url: string;
  width?: number | null;
  height?: number | null;
}

export interface MediaFile {
  id?: number;
  documentId?: string;
  url: string;
  alternativeText?: string | null;
  caption?: string | null;
  width?: number | null;
  height?: number | null;
  formats?: Record<string, MediaFormat | undefined> | null;
  mime?: string;
}
