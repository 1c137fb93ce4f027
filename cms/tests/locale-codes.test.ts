import type { Core } from '@strapi/strapi';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { localeCodes, MAX_AGE_MS } from '../src/utils/locale-codes';

/**
 * The public read guard's list of locale codes, cached per process. A locale added through
 * another CMS process sends this one no event: the list is re-read once it is MAX_AGE_MS old.
 */
function fakeStrapi(codes: string[]) {
  const find = vi.fn(async () => codes.map((code) => ({ code })));
  const strapi = { plugin: () => ({ service: () => ({ find }) }) } as unknown as Core.Strapi;
  return { strapi, find, codes };
}

describe('locale codes', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('are read once, then served from memory', async () => {
    const { strapi, find } = fakeStrapi(['en', 'es']);
    expect(await localeCodes(strapi)).toEqual(['en', 'es']);
    expect(await localeCodes(strapi)).toEqual(['en', 'es']);
    expect(find).toHaveBeenCalledTimes(1);
  });

  it('pick up a locale another process added, at the latest MAX_AGE_MS later', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { strapi, find, codes } = fakeStrapi(['en', 'es']);
    expect(await localeCodes(strapi)).toEqual(['en', 'es']);

    codes.push('fr'); // written by another CMS process: no event here
    vi.advanceTimersByTime(MAX_AGE_MS - 1);
    expect(await localeCodes(strapi)).toEqual(['en', 'es']);
    vi.advanceTimersByTime(1);
    expect(await localeCodes(strapi)).toEqual(['en', 'es', 'fr']);
    expect(find).toHaveBeenCalledTimes(2);
  });

  it('do not keep a failed read', async () => {
    const { strapi, find } = fakeStrapi(['en']);
    find.mockRejectedValueOnce(new Error('database down'));
    await expect(localeCodes(strapi)).rejects.toThrow('database down');
    expect(await localeCodes(strapi)).toEqual(['en']);
  });
});
