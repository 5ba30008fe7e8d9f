// Traditional Chinese text for readers in Taiwan and Hong Kong, made from the
// dataset's Simplified text when the dataset is assembled (for the bundled
// copy and for every published one): OpenCC's phrase-level conversion
// (opencc-js), with Taiwan's terms for zh-TW (晶片, 伺服器, 資料中心) and
// Hong Kong's for zh-HK (芯片, 伺服器, 數據中心). Only the build and the
// dataset tools load the converter; the extension reads the result.
import * as OpenCC from 'opencc-js';

type Traditional = 'zh-TW' | 'zh-HK';

/**
 * Conversions OpenCC gets wrong in this dataset's subjects, corrected after
 * it. Its Taiwan tables turn 全局 ("global") into 全域性, which also catches
 * 安全局 ("security bureau"); 参数 into 引數 (a function's arguments, where
 * models have 參數); 比特 ("bit") into 位元, which renames Bitmain (比特大陸);
 * and it reads 和面向 ("and facing") as 和麵 ("knead dough").
 */
const FIXES: Record<Traditional, [wrong: string, right: string][]> = {
  'zh-TW': [
    ['安全域性', '安全局'],
    ['引數', '參數'],
    ['位元大陸', '比特大陸'],
    ['和麵向', '和面向'],
  ],
  // Hong Kong's table writes the dough 麪.
  'zh-HK': [
    ['和麵向', '和面向'],
    ['和麪向', '和面向'],
  ],
};

let converters: Record<Traditional, (text: string) => string> | undefined;

function convert(text: string, to: Traditional): string {
  converters ??= {
    'zh-TW': OpenCC.Converter({ from: 'cn', to: 'twp' }),
    'zh-HK': OpenCC.Converter({ from: 'cn', to: 'hk' }),
  };
  let out = converters[to](text);
  for (const [wrong, right] of FIXES[to]) out = out.replaceAll(wrong, right);
  return out;
}

/**
 * Adds zh-TW and zh-HK to every text in `value` that has English and
 * Simplified Chinese (names, summaries, notes, caveats…); zh-HK only where
 * it differs from zh-TW, which readers in Hong Kong fall back to.
 */
export function addTraditional(value: unknown): void {
  // Stryker disable next-line ConditionalExpression,BlockStatement: a shortcut; walked as an object, an array's values are its items all the same
  if (Array.isArray(value)) {
    for (const item of value) addTraditional(item);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const record = value as Record<string, unknown>;
  if (typeof record.en === 'string' && typeof record.zh === 'string') {
    const tw = convert(record.zh, 'zh-TW');
    const hk = convert(record.zh, 'zh-HK');
    record['zh-TW'] = tw;
    if (hk !== tw) record['zh-HK'] = hk;
    return;
  }
  for (const child of Object.values(record)) addTraditional(child);
}
