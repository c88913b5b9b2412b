/** boundedMemo (src/util/bounded-memo.ts): remembers recent keys, lets old ones go. */
import { boundedMemo } from '../../src/util/bounded-memo';

describe('boundedMemo', () => {
  const counted = (limit: number) => {
    const computed: string[] = [];
    const memo = boundedMemo((key) => { computed.push(key); return key.toUpperCase(); }, limit);
    return { memo, computed };
  };

  it('computes a key once while it is in use', () => {
    const { memo, computed } = counted(2);
    for (let i = 0; i < 10; i++) {
      expect(memo('hot')).toBe('HOT');
      expect(memo(`cold${i}`)).toBe(`COLD${i}`);
    }
    expect(computed.filter((k) => k === 'hot')).toEqual(['hot']);
  });

  it('lets go of keys not asked for since two generations filled', () => {
    const { memo, computed } = counted(2);
    memo('a');
    for (let i = 0; i < 4; i++) memo(`k${i}`);
    expect(memo('a')).toBe('A');
    expect(computed.filter((k) => k === 'a')).toEqual(['a', 'a']);
  });
});
