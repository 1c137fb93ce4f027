/**
 * What the site reads from the CMS, typed from the CMS's own schemas (@clinic/contract generates
 * them from cms/src/**\/schema.json): a field the schema does not have cannot be read here, and a
 * new field is typed as soon as the schema has it.
 */
import type { ComponentValue, Doc, Selected } from '@clinic/contract';

export type {
  Block,
  BlocksContent,
  CodeBlock,
  HeadingBlock,
  ImageBlock,
  InlineNode,
  LinkNode,
  ListBlock,
  ListItemBlock,
  MediaFile,
  MediaFormat,
  ParagraphBlock,
  QuoteBlock,
  TextNode,
} from '@clinic/contract';
export type { Locale } from '@/shared/locales';

export const ARTICLE = 'api::article.article';
export const FAQ = 'api::faq.faq';
export const RISK_FACTOR = 'api::risk-factor.risk-factor';
export const SITE_SETTING = 'api::site-setting.site-setting';
export const GLOSSARY_TERM = 'api::glossary-term.glossary-term';

/** A question, with the article its answer links to (title and slug), if one is chosen. */
export type Faq = Omit<Doc<typeof FAQ>, 'article'> & { article?: ArticleRef | null };
export type RiskFactor = Doc<typeof RISK_FACTOR>;
export type SiteSetting = Doc<typeof SITE_SETTING>;
export type GlossaryTerm = Doc<typeof GLOSSARY_TERM>;

/** A reference an article lists (label and http(s) link). */
export type Reference = ComponentValue<'shared.reference'>;

/** A question as an article links it (its question and place only). */
export type FaqRef = Selected<typeof FAQ, 'question' | 'order'>;

/** An article as another article's related reading links it. */
export type RelatedArticleRef = Selected<typeof ARTICLE, 'title' | 'slug' | 'summary'>;

/**
 * An article, with what its page populates: the related questions and related articles are
 * references (only published ones: the public API populates nothing else).
 */
export type Article = Omit<Doc<typeof ARTICLE>, 'faqs' | 'relatedArticles'> & {
  faqs?: FaqRef[] | null;
  relatedArticles?: RelatedArticleRef[] | null;
};

/** An article as listed (no body). */
export type ArticleSummary = Selected<
  typeof ARTICLE,
  'title' | 'slug' | 'summary' | 'lastReviewed',
  'cover'
>;

/** Just enough of an article to link to it in another language. */
export type ArticleRef = Selected<typeof ARTICLE, 'title' | 'slug'>;

export interface StrapiErrorBody {
  data: null;
  error: { status: number; name: string; message: string; details?: unknown };
}
