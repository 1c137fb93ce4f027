import { defineStore } from 'pinia';
import type { Locale, RiskFactor } from '@/api';
import { useCmsApi } from '@/api/provide';
import { createResourceMap } from './resource';

export const useRiskFactorsStore = defineStore('riskFactors', () => {
  const api = useCmsApi();
  const riskFactors = createResourceMap<RiskFactor[]>((locale) =>
    api.getRiskFactors(locale as Locale),
  );

  return {
    entries: riskFactors.entries,
    state: (locale: Locale) => riskFactors.get(locale),
    load: (locale: Locale) => riskFactors.load(locale),
    reload: (locale: Locale) => riskFactors.reload(locale),
  };
});
