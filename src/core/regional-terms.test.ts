import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { TAIWAN_TERM_PAIRS, withTaiwanTerms } from './regional-terms';

describe("Taiwan's words for Chinese aliases", () => {
  it('are the words OpenCC’s Taiwan phrase table gives', () => {
    const toTaiwan = OpenCC.Converter({ from: 'cn', to: 'twp' });
    for (const [mainland, taiwan] of TAIWAN_TERM_PAIRS) expect(toTaiwan(mainland), mainland).toBe(taiwan);
  });

  it('replace every mainland word in an alias, and leave an alias without one alone', () => {
    expect(withTaiwanTerms('芯片与科学法')).toBe('晶片与科学法');
    expect(withTaiwanTerms('中芯国际集成电路制造')).toBe('中芯国际積體電路制造');
    expect(withTaiwanTerms('芯片芯片')).toBe('晶片晶片');
    expect(withTaiwanTerms('华为')).toBeUndefined();
  });
});
