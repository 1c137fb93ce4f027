/**
 * The seed content: the clinic's own material (shared/seed-content/ketamine-for-depression.txt)
 * in English, word for word, and its Spanish translation. Nothing here is invented: where the
 * material gives no value (clinic name, contact), the settings hold an obvious placeholder for an
 * editor to replace, and the article has no reviewer, review dates or references.
 */
import { bulletList, heading, link, paragraph, type BlockNode } from './blocks';

export const SEED_LOCALES = ['en', 'es'] as const;
export type SeedLocale = (typeof SEED_LOCALES)[number];

export interface SeedFaq {
  question: string;
  answer: BlockNode[];
}

export interface SeedGlossaryTerm {
  term: string;
  slug: string;
  definition: string;
}

export interface SeedLocaleContent {
  article: { title: string; slug: string; summary: string; body: BlockNode[] };
  faqs: SeedFaq[];
  riskFactors: string[];
  /** Same documents, same order, in every locale. */
  glossary: SeedGlossaryTerm[];
  settings: {
    clinicName: string;
    location: string;
    contactUrl: null;
    contactText: string;
    crisisHelp: BlockNode[];
    disclaimer: string;
    heroTitle: string;
    heroText: string;
  };
}

const en = {
  intro:
    'Depression certainly can take its toll, and can take an even greater toll on your mental state when treatment isn’t working. However, there are alternative treatments available like ketamine therapy. It’s very promising and can work in many patient cases, so it may work in yours too. To understand the treatment, it’s necessary to understand depression a bit better, so let’s talk about it and ketamine for depression.',
  causeQuestion: 'What is the primary cause of depression?',
  causeAnswer:
    'Depression is more complex than you might think, and researchers don’t know precisely what causes it. They believe, however, that there are a number of factors involved. For example, a person with depression might have had a life-changing event happen recently like a death in the family. Or perhaps a person has a family history of depression, so genetics may be a factor for them. Sometimes a patient has no idea what could be causing their depression. There may be one or more factors involved in a person’s case, like:',
  factors: [
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
  geneticQuestion: 'Is depression a genetic disease?',
  geneticAnswer:
    'Since researchers aren’t entirely sure what causes depression, they don’t know whether it’s primarily genetic or not. Researchers believe depression is genetic in many cases, possibly even in 40% of cases. Also, research has shown that people with parents or siblings who have depression are up to three times more likely to have it too. It may be that your particular case of depression is genetic, but the only way to find out is to see a professional about it.',
  brainQuestion: 'What happens in the brain during depression?',
  brainAnswer:
    'During bouts of depression, the body releases cortisol and sends it to the brain, and often an excessive amount of it. Sometimes this can affect the production and size of neurons in the brain, which can lead to memory problems. Excess cortisol can also cause the prefrontal cortex to shrink which may affect emotions, decision making, and memory formation. In some cases of depression, a patient’s amygdala becomes enlarged and more active which can also affect emotions as well as sleep and the release of hormones.',
  ketamineQuestion: 'How does ketamine work?',
  ketamineAnswer:
    'In ketamine infusion therapy, a board-certified anesthesiologist administers ketamine intravenously. Over several weeks, several infusions are done. The ketamine may work to repair damage to the brain that’s caused by cortisol and other stress hormones. In doing so, a patient’s symptoms may be relieved greatly. There are some risks involved with ketamine infusion therapy, but for many patients with depression, the possible benefits far outweigh any risks. It could be that the therapy is exactly the treatment you need for your particular case.',
};

const es: typeof en = {
  intro:
    'La depresión sin duda puede pasar factura, y puede afectar aún más a su estado mental cuando el tratamiento no funciona. Sin embargo, existen tratamientos alternativos, como la terapia con ketamina. Es muy prometedora y puede funcionar en muchos pacientes, así que puede que también funcione en su caso. Para entender el tratamiento, es necesario entender un poco mejor la depresión, así que hablemos de ella y de la ketamina para la depresión.',
  causeQuestion: '¿Cuál es la causa principal de la depresión?',
  causeAnswer:
    'La depresión es más compleja de lo que podría pensar, y los investigadores no saben con precisión qué la causa. Sin embargo, creen que intervienen varios factores. Por ejemplo, una persona con depresión podría haber vivido recientemente un acontecimiento que le cambió la vida, como la muerte de un familiar. O quizá una persona tiene antecedentes familiares de depresión, por lo que la genética puede ser un factor en su caso. A veces un paciente no tiene idea de qué podría estar causando su depresión. Puede haber uno o más factores en el caso de una persona, como:',
  factors: [
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
  geneticQuestion: '¿Es la depresión una enfermedad genética?',
  geneticAnswer:
    'Como los investigadores no están del todo seguros de qué causa la depresión, no saben si es principalmente genética o no. Los investigadores creen que la depresión es genética en muchos casos, posiblemente incluso en el 40 % de los casos. Además, las investigaciones han demostrado que las personas cuyos padres o hermanos tienen depresión tienen hasta tres veces más probabilidades de tenerla también. Puede que su caso particular de depresión sea genético, pero la única forma de saberlo es consultar a un profesional.',
  brainQuestion: '¿Qué sucede en el cerebro durante la depresión?',
  brainAnswer:
    'Durante los episodios de depresión, el cuerpo libera cortisol y lo envía al cerebro, a menudo en cantidades excesivas. A veces esto puede afectar a la producción y al tamaño de las neuronas del cerebro, lo que puede provocar problemas de memoria. El exceso de cortisol también puede hacer que la corteza prefrontal se reduzca, lo que puede afectar a las emociones, la toma de decisiones y la formación de recuerdos. En algunos casos de depresión, la amígdala del paciente aumenta de tamaño y se vuelve más activa, lo que también puede afectar a las emociones, así como al sueño y a la liberación de hormonas.',
  ketamineQuestion: '¿Cómo funciona la ketamina?',
  ketamineAnswer:
    'En la terapia de infusión de ketamina, un anestesiólogo certificado administra la ketamina por vía intravenosa. A lo largo de varias semanas se realizan varias infusiones. La ketamina puede ayudar a reparar el daño cerebral causado por el cortisol y otras hormonas del estrés. De este modo, los síntomas del paciente pueden aliviarse en gran medida. La terapia de infusión de ketamina conlleva algunos riesgos, pero para muchos pacientes con depresión, los posibles beneficios superan con creces cualquier riesgo. Puede que esta terapia sea exactamente el tratamiento que necesita para su caso particular.',
};

type Source = typeof en;

/**
 * The glossary: only the terms the material itself explains, each defined by the material's own
 * sentences (the Spanish: the same sentences as translated above). The material names other
 * things (neurons, the prefrontal cortex, the amygdala) without saying what they are, so they are
 * not here: an editor adds them with a reviewed definition.
 */
const glossary: Record<SeedLocale, SeedGlossaryTerm[]> = {
  en: [
    {
      term: 'Cortisol',
      slug: 'cortisol',
      definition:
        'During bouts of depression, the body releases cortisol and sends it to the brain, and often an excessive amount of it. The ketamine may work to repair damage to the brain that’s caused by cortisol and other stress hormones.',
    },
    {
      term: 'Ketamine infusion therapy',
      slug: 'ketamine-infusion-therapy',
      definition:
        'In ketamine infusion therapy, a board-certified anesthesiologist administers ketamine intravenously. Over several weeks, several infusions are done.',
    },
  ],
  es: [
    {
      term: 'Cortisol',
      slug: 'cortisol',
      definition:
        'Durante los episodios de depresión, el cuerpo libera cortisol y lo envía al cerebro, a menudo en cantidades excesivas. La ketamina puede ayudar a reparar el daño cerebral causado por el cortisol y otras hormonas del estrés.',
    },
    {
      term: 'Terapia de infusión de ketamina',
      slug: 'terapia-de-infusion-de-ketamina',
      definition:
        'En la terapia de infusión de ketamina, un anestesiólogo certificado administra la ketamina por vía intravenosa. A lo largo de varias semanas se realizan varias infusiones.',
    },
  ],
};

const faqsFrom = (s: Source): SeedFaq[] => [
  { question: s.causeQuestion, answer: [paragraph(s.causeAnswer), bulletList(s.factors)] },
  { question: s.geneticQuestion, answer: [paragraph(s.geneticAnswer)] },
  { question: s.brainQuestion, answer: [paragraph(s.brainAnswer)] },
  { question: s.ketamineQuestion, answer: [paragraph(s.ketamineAnswer)] },
];

const articleBodyFrom = (s: Source): BlockNode[] => [
  paragraph(s.intro),
  ...faqsFrom(s).flatMap((faq) => [heading(2, faq.question), ...faq.answer]),
];

export const seedContent: Record<SeedLocale, SeedLocaleContent> = {
  en: {
    article: {
      title: 'Ketamine for Depression Near Mountain View, CA',
      slug: 'ketamine-for-depression',
      summary:
        'When depression treatment isn’t working, there are alternative treatments available like ketamine therapy. What may cause depression, what happens in the brain, and how ketamine infusions work.',
      body: articleBodyFrom(en),
    },
    faqs: faqsFrom(en),
    riskFactors: en.factors,
    glossary: glossary.en,
    settings: {
      clinicName: '[Clinic name – replace in Site settings]',
      location: 'Mountain View, CA',
      contactUrl: null,
      contactText:
        '[Placeholder – replace in Site settings with how to contact or book with the clinic.]',
      crisisHelp: [
        paragraph(
          'If you are in crisis or thinking about suicide, call or text ',
          link('tel:988', '988'),
          ' (Suicide & Crisis Lifeline), any time. In an emergency, call ',
          link('tel:911', '911'),
          '.',
        ),
      ],
      disclaimer:
        'This website is for general education only. It is not medical advice and does not replace a consultation with a qualified health professional about your own situation.',
      heroTitle: 'Ketamine for depression',
      heroText:
        'Depression can take an even greater toll when treatment isn’t working. There are alternative treatments available like ketamine therapy. Learn about depression and ketamine infusions.',
    },
  },
  es: {
    article: {
      title: 'Ketamina para la depresión cerca de Mountain View, CA',
      slug: 'ketamina-para-la-depresion',
      summary:
        'Cuando el tratamiento de la depresión no funciona, existen tratamientos alternativos como la terapia con ketamina. Qué puede causar la depresión, qué sucede en el cerebro y cómo funcionan las infusiones de ketamina.',
      body: articleBodyFrom(es),
    },
    faqs: faqsFrom(es),
    riskFactors: es.factors,
    glossary: glossary.es,
    settings: {
      clinicName: '[Nombre de la clínica – reemplácelo en la configuración del sitio]',
      location: 'Mountain View, CA',
      contactUrl: null,
      contactText:
        '[Texto provisional – reemplácelo en la configuración del sitio con la forma de contactar o pedir cita con la clínica.]',
      crisisHelp: [
        paragraph(
          'Si está en crisis o piensa en el suicidio, llame o envíe un mensaje de texto al ',
          link('tel:988', '988'),
          ' (Línea de Prevención del Suicidio y Crisis), a cualquier hora. En español, llame al ',
          link('tel:+18886289454', '1-888-628-9454'),
          '. En una emergencia, llame al ',
          link('tel:911', '911'),
          '.',
        ),
      ],
      disclaimer:
        'Este sitio web tiene solo fines educativos generales. No es un consejo médico y no sustituye una consulta con un profesional de la salud cualificado sobre su situación.',
      heroTitle: 'Ketamina para la depresión',
      heroText:
        'La depresión puede afectar aún más cuando el tratamiento no funciona. Existen tratamientos alternativos, como la terapia con ketamina. Infórmese sobre la depresión y las infusiones de ketamina.',
    },
  },
};
