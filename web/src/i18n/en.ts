/** UI strings only. Everything about the clinic comes from the CMS. */
const en = {
  a11y: {
    skipToContent: 'Skip to main content',
    mainNav: 'Main',
    footerNav: 'Site',
    loading: 'Loading…',
  },
  nav: {
    home: 'Home',
    articles: 'Articles',
    faq: 'Questions',
    riskFactors: 'Risk factors',
    glossary: 'Glossary',
    siteFallbackName: 'Patient information',
    menu: 'Menu',
  },
  language: {
    label: 'Language',
    switchTo: 'Español',
    switchToName: 'Leer en español',
    es: 'Spanish',
    en: 'English',
  },
  crisis: {
    label: 'Crisis help',
    fallback:
      'If you are in crisis, call or text 988 (Suicide & Crisis Lifeline), or call 911 in an emergency.',
    call988: 'Call 988',
    text988: 'Text 988',
    callSpanishLine: '',
    call911: 'Call 911',
    more: 'More help',
  },
  home: {
    articleHeading: 'Learn about treatment',
    readArticle: 'Read the article',
    riskFactorsHeading: 'Common risk factors',
    allRiskFactors: 'All risk factors',
    faqHeading: 'Questions and answers',
    allFaqs: 'All questions',
    contactHeading: 'How to get in touch',
    contactLink: 'Contact the clinic',
    contactUnavailable: 'Contact details will be published here soon.',
  },
  articles: {
    title: 'Articles',
    description: 'Patient-education articles about depression and its treatment.',
    empty: 'No articles have been published yet.',
    relatedFaqs: 'Related questions',
    lastReviewed: 'Last reviewed',
    nextReviewDue: 'Next review due',
    reviewedBy: 'Reviewed by',
    references: 'References',
  },
  faq: {
    title: 'Questions and answers',
    description: 'Answers to common questions about depression and ketamine treatment.',
    empty: 'No questions have been published yet.',
  },
  glossary: {
    title: 'Glossary',
    description: 'Medical words used on this site, explained in plain language.',
    empty: 'No terms have been published yet.',
    letters: 'Terms by first letter',
  },
  riskFactors: {
    title: 'Risk factors',
    description: 'Factors that may be involved in depression.',
    empty: 'No risk factors have been published yet.',
  },
  error: {
    sectionTitle: 'This part of the page could not be loaded',
    title: 'This page could not be loaded',
    offline: 'You seem to be offline. Check your connection and try again.',
    timeout: 'The server is taking too long to answer. Please try again in a moment.',
    server: 'Something went wrong on our side. Please try again in a moment.',
    retry: 'Try again',
  },
  notFound: {
    title: 'Page not found',
    text: 'We could not find the page you were looking for. It may have moved or been removed.',
    home: 'Go to the home page',
    articles: 'See all articles',
  },
  translation: {
    title: 'Not yet available in English',
    text: 'This article has not been translated into English yet.',
    readOriginal: 'Read the article in Spanish',
  },
  footer: {
    disclaimerHeading: 'Medical disclaimer',
  },
  search: {
    title: 'Search',
    description: 'Search the articles, questions and risk factors on this site.',
    label: 'Search this site',
    submit: 'Search',
    needsJavaScript:
      'Search runs in your browser and needs JavaScript, which is turned off or not available. Everything on this site is also in these sections:',
    loading: 'Loading search…',
    oneResult: 'One result',
    results: 'results',
    none: 'No results for these words.',
    noneHelp: 'Try other words, or read the answers to common questions:',
    more: 'More results',
    unavailable: 'Search could not be loaded. Please try again in a moment.',
  },
  feedback: {
    question: 'Was this page helpful?',
    yes: 'Yes',
    no: 'No',
    privacy:
      'We only record your answer, not who you are. There is no space to type, so please do not share health details here.',
    reasonQuestion: 'What was the problem? (optional)',
    reasons: {
      'hard-to-understand': 'Hard to understand',
      'out-of-date': 'Out of date',
      'not-what-i-was-looking-for': 'Not what I was looking for',
      other: 'Something else',
    },
    sendReason: 'Send',
    sending: 'Sending…',
    thanks: 'Thank you for your answer.',
    failed: 'Your answer could not be sent. Please try again later.',
    retry: 'Try again',
  },
  related: {
    articles: 'Related articles',
    readMore: 'Read more:',
  },
  print: {
    printedFrom: 'Printed from',
  },
  preview: {
    notice: 'Preview of unpublished content — visitors cannot see this page',
    titlePrefix: 'Preview',
    unavailableTitle: 'This preview is not available',
    unavailableText: 'A preview link is needed to see unpublished content.',
    goneTitle: 'This content no longer exists',
    goneText: 'It may have been deleted, or it does not exist in this language.',
  },
} as const;

export default en;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type MessageSchema = Widen<typeof en>;
