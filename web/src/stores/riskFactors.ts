import { defineStore } from 'pinia';
import { getRiskFactors, type Locale, type RiskFactor } from '@/api';
import { createResourceMap } from './resource';

export const useRiskFactorsStore = defineStore('riskFactors', () => {
  const riskFactors = createResourceMap<RiskFactor[]>((locale) => getRiskFactors(locale as Locale));

  return {
    entries: riskFactors.entries,
    state: (locale: Locale) => riskFactors.get(locale),
    load: (locale: Locale) => riskFactors.load(locale),
    reload: (locale: Locale) => riskFactors.reload(locale),
  };
});
