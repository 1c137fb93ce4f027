/**
 * DTOs for the Strapi 5 REST API (flattened responses: no `attributes` wrapper).
 * Only what the public site reads is typed here.
 */

export type Locale = 'en' | 'es';

export interface Pagination {
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
}

export interface StrapiListResponse<T> {
  data: T[];
  meta: { pagination?: Pagination };
}

export interface StrapiSingleResponse<T> {
  data: T | null;
  meta: Record<string, unknown>;
}

export interface StrapiErrorBody {
  data: null;
  error: { status: number; name: string; message: string; details?: unknown };
}

/** Fields every Strapi 5 document carries. */
export interface StrapiDocument {
  id: number;
  documentId: string;
  locale?: Locale;
  createdAt?: string;
  updatedAt?: string;
  publishedAt?: string | null;
}

// ---- Blocks rich text (Strapi 5 blocks editor) ----

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

/** What the blocks field holds. Treated as untrusted input by the renderer. */
export type BlocksContent = Block[];

// ---- Media & components ----

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

export interface Seo {
  id?: number;
  metaTitle?: string | null;
  metaDescription?: string | null;
}

export interface Reference {
  id: number;
  label: string;
  url: string;
}

// ---- Content types ----

export interface FaqRef extends StrapiDocument {
  question: string;
  order?: number | null;
}

export interface Faq extends StrapiDocument {
  question: string;
  answer: BlocksContent | null;
  order: number | null;
  topic?: string | null;
}

export interface RiskFactor extends StrapiDocument {
  name: string;
  description: string | null;
  order: number | null;
}

/** An article as listed (no body). */
export interface ArticleSummary extends StrapiDocument {
  title: string;
  slug: string;
  summary: string | null;
  lastReviewed?: string | null;
  cover?: MediaFile | null;
}

export interface Article extends ArticleSummary {
  body: BlocksContent | null;
  seo?: Seo | null;
  reviewedBy?: string | null;
  lastReviewed?: string | null;
  nextReviewDue?: string | null;
  references?: Reference[] | null;
  faqs?: FaqRef[] | null;
}

/** Just enough of an article to link to it in another language. */
export interface ArticleRef extends StrapiDocument {
  title: string;
  slug: string;
}

export interface SiteSetting extends StrapiDocument {
  clinicName: string;
  location: string | null;
  contactUrl: string | null;
  contactText: string | null;
  crisisHelp: BlocksContent | null;
  disclaimer: string | null;
  heroTitle: string;
  heroText: string | null;
}

// ---- Draft preview (`GET /api/preview?token=..`) ----

export type PreviewStatus = 'draft' | 'published';

interface PreviewOf<Type extends string, Doc> {
  type: Type;
  locale: Locale;
  status: PreviewStatus;
  document: Doc;
}

/** One document as the editor sees it in the admin, shaped like the public API's entries. */
export type Preview =
  | PreviewOf<'article', Article>
  | PreviewOf<'faq', Faq>
  | PreviewOf<'risk-factor', RiskFactor>
  | PreviewOf<'site-setting', SiteSetting>;

export type PreviewType = Preview['type'];
