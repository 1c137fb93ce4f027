// The admin panel's customisation (Strapi 5): content health for editors, in English and Spanish.
// - a "Content health" widget on the home screen,
// - a "Content health" panel beside every entry of the project's content types,
// - a full report page (menu link, /admin/content-health).
// The server half is cms/src/content-health/ (routes /content-health/report and /entry).
// And the publish log (menu link, /admin/publish-log; server half cms/src/publish-log/).
// And a "Schedule" panel beside every entry (server half cms/src/schedules/).
import { Clock, Stethoscope } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { HealthSidePanel } from './content-health/HealthSidePanel';
import { REPORT_PATH, t } from './content-health/messages';
import { modelTranslations } from './content-health/model-labels';
import en from './content-health/translations/en.json';
import es from './content-health/translations/es.json';
import { LOG_PATH, logMessages, READ_ACTION } from './publish-log/messages';
import logEn from './publish-log/translations/en.json';
import logEs from './publish-log/translations/es.json';
import { SchedulePanel } from './schedules/SchedulePanel';
import scheduleEn from './schedules/translations/en.json';
import scheduleEs from './schedules/translations/es.json';

interface ContentManagerApis {
  addEditViewSidePanel: (panels: unknown[]) => void;
}

export default {
  config: {
    // English is always there; each editor picks theirs in their profile.
    locales: ['es'],
    // An admin customisation has no registerTrads (that is for plugins): the app's own strings
    // are merged over Strapi's with `config.translations`. Names of content types and fields
    // come from the content model (src/content-model.ts).
    translations: {
      en: { ...en, ...logEn, ...scheduleEn, ...modelTranslations('en') },
      es: { ...es, ...logEs, ...scheduleEs, ...modelTranslations('es') },
    },
  },

  register(app: StrapiApp) {
    // First on the home screen (Strapi's own widgets are registered by now): what needs doing.
    app.widgets.register((widgets) => [
      {
        id: 'content-health',
        icon: Stethoscope,
        title: t('widget.title', 'Content health'),
        component: () => import('./content-health/HealthWidget').then((m) => m.HealthWidget),
        link: { label: t('widget.link', 'See the full report'), href: REPORT_PATH },
      },
      ...widgets,
    ]);

    app.addMenuLink({
      to: REPORT_PATH.slice(1),
      icon: Stethoscope,
      intlLabel: t('menu.label', 'Content health'),
      Component: () => import('./content-health/HealthReportPage'),
      // Every admin who may edit content may see it; the server checks each request.
      permissions: [],
      position: 2,
    });

    app.addMenuLink({
      to: LOG_PATH.slice(1),
      icon: Clock,
      intlLabel: logMessages.menu,
      Component: () => import('./publish-log/PublishLogPage'),
      // Those with the log's permission (Super Admin, Clinical reviewer, Editor); the server
      // checks it again on every request.
      permissions: [{ action: READ_ACTION, subject: null }],
      position: 3,
    });
  },

  bootstrap(app: Pick<StrapiApp, 'getPlugin'>) {
    const contentManager = app.getPlugin('content-manager');
    (contentManager.apis as unknown as ContentManagerApis).addEditViewSidePanel([
      HealthSidePanel,
      SchedulePanel,
    ]);
  },
};
