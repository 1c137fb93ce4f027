import type { MessageSchema } from './en';

const es: MessageSchema = {
  a11y: {
    skipToContent: 'Saltar al contenido principal',
    mainNav: 'Principal',
    footerNav: 'Sitio',
    loading: 'Cargando…',
  },
  nav: {
    home: 'Inicio',
    articles: 'Artículos',
    faq: 'Preguntas',
    riskFactors: 'Factores de riesgo',
    glossary: 'Glosario',
    siteFallbackName: 'Información para pacientes',
    menu: 'Menú',
  },
  language: {
    label: 'Idioma',
    switchTo: 'English',
    switchToName: 'Read in English',
    es: 'español',
    en: 'inglés',
  },
  crisis: {
    label: 'Ayuda en crisis',
    fallback:
      'Si está en crisis, llame o envíe un mensaje de texto al 988 (Línea de Prevención del Suicidio y Crisis; en español, 1-888-628-9454), o llame al 911 en una emergencia.',
    call988: 'Llamar al 988',
    text988: 'Enviar texto al 988',
    callSpanishLine: 'Llamar al 1-888-628-9454 (español)',
    call911: 'Llamar al 911',
    more: 'Más ayuda',
  },
  home: {
    articleHeading: 'Información sobre el tratamiento',
    readArticle: 'Leer el artículo',
    riskFactorsHeading: 'Factores de riesgo comunes',
    allRiskFactors: 'Todos los factores de riesgo',
    faqHeading: 'Preguntas y respuestas',
    allFaqs: 'Todas las preguntas',
    contactHeading: 'Cómo comunicarse con nosotros',
    contactLink: 'Comuníquese con la clínica',
    contactUnavailable: 'Pronto publicaremos aquí los datos de contacto.',
  },
  articles: {
    title: 'Artículos',
    description: 'Artículos educativos sobre la depresión y su tratamiento.',
    empty: 'Todavía no se ha publicado ningún artículo.',
    relatedFaqs: 'Preguntas relacionadas',
    lastReviewed: 'Última revisión',
    nextReviewDue: 'Próxima revisión',
    reviewedBy: 'Revisado por',
    references: 'Referencias',
  },
  faq: {
    title: 'Preguntas y respuestas',
    description:
      'Respuestas a preguntas frecuentes sobre la depresión y el tratamiento con ketamina.',
    empty: 'Todavía no se ha publicado ninguna pregunta.',
  },
  glossary: {
    title: 'Glosario',
    description: 'Palabras médicas que usamos en este sitio, explicadas con palabras sencillas.',
    empty: 'Todavía no se ha publicado ningún término.',
    letters: 'Términos por letra inicial',
  },
  riskFactors: {
    title: 'Factores de riesgo',
    description: 'Factores que pueden influir en la depresión.',
    empty: 'Todavía no se ha publicado ningún factor de riesgo.',
  },
  error: {
    sectionTitle: 'No se pudo cargar esta parte de la página',
    title: 'No se pudo cargar esta página',
    offline: 'Parece que no tiene conexión. Revise su conexión e inténtelo de nuevo.',
    timeout: 'El servidor está tardando demasiado en responder. Inténtelo de nuevo en un momento.',
    server: 'Algo salió mal de nuestro lado. Inténtelo de nuevo en un momento.',
    retry: 'Intentar de nuevo',
  },
  notFound: {
    title: 'Página no encontrada',
    text: 'No encontramos la página que busca. Es posible que se haya movido o eliminado.',
    home: 'Ir a la página de inicio',
    articles: 'Ver todos los artículos',
  },
  translation: {
    title: 'Aún no está disponible en español',
    text: 'Este artículo todavía no se ha traducido al español.',
    readOriginal: 'Leer el artículo en inglés',
  },
  footer: {
    disclaimerHeading: 'Aviso médico',
  },
  search: {
    title: 'Buscar',
    description: 'Busque en los artículos, las preguntas y los factores de riesgo de este sitio.',
    label: 'Buscar en este sitio',
    submit: 'Buscar',
    needsJavaScript:
      'La búsqueda funciona en su navegador y necesita JavaScript, que está desactivado o no está disponible. Todo el contenido de este sitio está también en estas secciones:',
    loading: 'Cargando la búsqueda…',
    oneResult: 'Un resultado',
    results: 'resultados',
    none: 'No hay resultados para estas palabras.',
    noneHelp: 'Pruebe con otras palabras o lea las respuestas a preguntas frecuentes:',
    more: 'Más resultados',
    unavailable: 'No se pudo cargar la búsqueda. Inténtelo de nuevo en un momento.',
  },
  feedback: {
    question: '¿Le resultó útil esta página?',
    yes: 'Sí',
    no: 'No',
    privacy:
      'Solo guardamos su respuesta, no quién es usted. No hay espacio para escribir, así que no comparta aquí datos de salud.',
    reasonQuestion: '¿Cuál fue el problema? (opcional)',
    reasons: {
      'hard-to-understand': 'Difícil de entender',
      'out-of-date': 'Desactualizada',
      'not-what-i-was-looking-for': 'No era lo que buscaba',
      other: 'Otro motivo',
    },
    sendReason: 'Enviar',
    sending: 'Enviando…',
    thanks: 'Gracias por su respuesta.',
    failed: 'No se pudo enviar su respuesta. Inténtelo más tarde.',
    retry: 'Intentar de nuevo',
  },
  related: {
    articles: 'Artículos relacionados',
    readMore: 'Más información:',
  },
  print: {
    printedFrom: 'Impreso desde',
  },
  preview: {
    notice: 'Vista previa de contenido no publicado — los visitantes no pueden ver esta página',
    titlePrefix: 'Vista previa',
    unavailableTitle: 'Esta vista previa no está disponible',
    unavailableText: 'Se necesita un enlace de vista previa para ver contenido no publicado.',
    goneTitle: 'Este contenido ya no existe',
    goneText: 'Puede que se haya eliminado o que no exista en este idioma.',
  },
};

export default es;
