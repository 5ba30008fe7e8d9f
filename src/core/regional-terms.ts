// Words that Taiwan writes differently from the mainland, not just in other
// characters: a Taiwanese article names the CHIPS Act 晶片與科學法 where the
// dataset has 芯片与科学法. Folding characters (han-fold) cannot bridge
// these, so a Chinese alias holding one of them gets a second spelling with
// Taiwan's word. The pairs are those OpenCC's Taiwan phrase table gives
// (regional-terms.test.ts checks them against it), for the words the
// dataset's names use.
const TAIWAN_TERMS: readonly [mainland: string, taiwan: string][] = [
  ['芯片', '晶片'],
  ['集成电路', '積體電路'],
  ['人工智能', '人工智慧'],
  ['服务器', '伺服器'],
  ['软件', '軟體'],
  ['数据中心', '資料中心'],
  ['内存', '記憶體'],
  ['信息', '資訊'],
  ['网络', '網路'],
];

/** `text` with Taiwan's words, or undefined when it holds none of the mainland's. */
export function withTaiwanTerms(text: string): string | undefined {
  let out = text;
  for (const [mainland, taiwan] of TAIWAN_TERMS) out = out.replaceAll(mainland, taiwan);
  return out === text ? undefined : out;
}

export const TAIWAN_TERM_PAIRS = TAIWAN_TERMS;
