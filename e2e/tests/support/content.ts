/**
 * What the tests look for, taken from the sources rather than copied: the seeded content from
 * cms/src/seed/content.ts (the CMS seeds exactly this on an empty database) and the site's UI
 * strings from web/src/i18n.
 */
import { createRequire } from 'node:module';
import type { BlockNode } from '../../../cms/src/seed/blocks';
import type { SeedLocaleContent } from '../../../cms/src/seed/content';
import enMessages, { type MessageSchema } from '../../../web/src/i18n/en';
import esMessages from '../../../web/src/i18n/es';

// cms/ is a CommonJS package: its modules load through require, not as ES module named exports.
const { seedContent } = createRequire(import.meta.url)(
  '../../../cms/src/seed/content',
) as typeof import('../../../cms/src/seed/content');

/** The first words of a blocks value's first paragraph: enough to find it on a page. */
function opening(blocks: BlockNode[], words = 6): string {
  const first = blocks.find((block) => block.type === 'paragraph');
  const text = (first?.children ?? []).map((node) => ('text' in node ? node.text : '')).join('');
  return text.split(' ').slice(0, words).join(' ');
}

/** The text of every block (a paragraph, a heading, each list item), as a reader sees it. */
function blockTexts(blocks: BlockNode[]): string[] {
  const inline = (nodes: Array<{ type: string; text?: string; children?: unknown[] }>): string =>
    nodes
      .map((node) =>
        node.type === 'text' ? (node.text ?? '') : inline((node.children ?? []) as never),
      )
      .join('');
  return blocks.flatMap((block) =>
    block.type === 'list'
      ? block.children.map((item) => inline(item.children))
      : [inline(block.children)],
  );
}

function seededFor(content: SeedLocaleContent) {
  return {
    heroTitle: content.settings.heroTitle,
    crisisHelp: blockTexts(content.settings.crisisHelp).join(' '),
    article: {
      slug: content.article.slug,
      title: content.article.title,
      summary: content.article.summary,
      bodyStart: opening(content.article.body),
      bodyTexts: blockTexts(content.article.body),
    },
    faqs: content.faqs.map((faq) => ({
      question: faq.question,
      answerStart: opening(faq.answer),
      answerTexts: blockTexts(faq.answer),
    })),
    riskFactors: content.riskFactors,
  };
}

export const seeded = { en: seededFor(seedContent.en), es: seededFor(seedContent.es) };

export type Lang = keyof typeof seeded;
export const LANGS: Lang[] = ['en', 'es'];
export const prefix = (lang: Lang): string => (lang === 'es' ? '/es' : '');

function uiFor(messages: MessageSchema) {
  return {
    mainNav: messages.a11y.mainNav,
    nav: {
      home: messages.nav.home,
      articles: messages.nav.articles,
      faq: messages.nav.faq,
      riskFactors: messages.nav.riskFactors,
      glossary: messages.nav.glossary,
    },
    switchTo: messages.language.switchTo,
    readArticle: messages.home.readArticle,
    faqTitle: messages.faq.title,
    faqDescription: messages.faq.description,
    riskFactorsTitle: messages.riskFactors.title,
    glossaryTitle: messages.glossary.title,
    articlesTitle: messages.articles.title,
    notFoundTitle: messages.notFound.title,
    crisisLabel: messages.crisis.label,
    errorTitle: messages.error.title,
    retry: messages.error.retry,
  };
}

/** The site's UI strings the tests use. */
export const ui = { en: uiFor(enMessages), es: uiFor(esMessages) };
