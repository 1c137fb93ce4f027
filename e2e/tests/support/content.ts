/**
 * The seeded content the visitor tests look for: copied from cms/src/seed/content.ts (the CMS
 * seeds these exact strings on an empty database).
 */
export const seeded = {
  en: {
    heroTitle: 'Ketamine for depression',
    article: {
      slug: 'ketamine-for-depression',
      title: 'Ketamine for Depression Near Mountain View, CA',
      bodyStart: 'Depression certainly can take its toll',
    },
    faqs: [
      {
        question: 'What is the primary cause of depression?',
        answerStart: 'Depression is more complex than you might think',
      },
      {
        question: 'Is depression a genetic disease?',
        answerStart: 'Since researchers aren’t entirely sure what causes depression',
      },
      {
        question: 'What happens in the brain during depression?',
        answerStart: 'During bouts of depression, the body releases cortisol',
      },
      {
        question: 'How does ketamine work?',
        answerStart: 'In ketamine infusion therapy, a board-certified anesthesiologist',
      },
    ],
    riskFactors: [
      'A conflict with a family member, friend, coworker, etc.',
      'The loss of a loved one',
      'A history of being abused',
      'Social isolation',
      'Severe illnesses',
      'Substance abuse',
      'Some medications',
      'Genetics/biology',
      'And other factors',
    ],
  },
  es: {
    heroTitle: 'Ketamina para la depresión',
    article: {
      slug: 'ketamina-para-la-depresion',
      title: 'Ketamina para la depresión cerca de Mountain View, CA',
      bodyStart: 'La depresión sin duda puede pasar factura',
    },
    faqs: [
      {
        question: '¿Cuál es la causa principal de la depresión?',
        answerStart: 'La depresión es más compleja de lo que podría pensar',
      },
      {
        question: '¿Es la depresión una enfermedad genética?',
        answerStart: 'Como los investigadores no están del todo seguros',
      },
      {
        question: '¿Qué sucede en el cerebro durante la depresión?',
        answerStart: 'Durante los episodios de depresión, el cuerpo libera cortisol',
      },
      {
        question: '¿Cómo funciona la ketamina?',
        answerStart: 'En la terapia de infusión de ketamina, un anestesiólogo certificado',
      },
    ],
    riskFactors: [
      'Un conflicto con un familiar, un amigo, un compañero de trabajo, etc.',
      'La pérdida de un ser querido',
      'Antecedentes de haber sufrido abuso',
      'El aislamiento social',
      'Enfermedades graves',
      'El abuso de sustancias',
      'Algunos medicamentos',
      'La genética o la biología',
      'Y otros factores',
    ],
  },
} as const;

export type Lang = keyof typeof seeded;
export const LANGS: Lang[] = ['en', 'es'];
export const prefix = (lang: Lang): string => (lang === 'es' ? '/es' : '');

/** The site's UI strings the tests use (web/src/i18n/{en,es}.ts). */
export const ui = {
  en: {
    mainNav: 'Main',
    nav: { home: 'Home', articles: 'Articles', faq: 'Questions', riskFactors: 'Risk factors' },
    switchTo: 'Español',
    readArticle: 'Read the article',
    faqTitle: 'Questions and answers',
    riskFactorsTitle: 'Risk factors',
    articlesTitle: 'Articles',
    notFoundTitle: 'Page not found',
    crisisLabel: 'Crisis help',
    errorTitle: 'This page could not be loaded',
    retry: 'Try again',
  },
  es: {
    mainNav: 'Principal',
    nav: {
      home: 'Inicio',
      articles: 'Artículos',
      faq: 'Preguntas',
      riskFactors: 'Factores de riesgo',
    },
    switchTo: 'English',
    readArticle: 'Leer el artículo',
    faqTitle: 'Preguntas y respuestas',
    riskFactorsTitle: 'Factores de riesgo',
    articlesTitle: 'Artículos',
    notFoundTitle: 'Página no encontrada',
    crisisLabel: 'Ayuda en crisis',
    errorTitle: 'No se pudo cargar esta página',
    retry: 'Intentar de nuevo',
  },
} as const;
