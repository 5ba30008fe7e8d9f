// Text that looks like a dataset name but is not one: people, places, food,
// everyday words and codes. Each sentence stands alone, like a short page,
// and must light up only what the right-hand side says.
import { describe, expect, it } from 'vitest';
import { bundledDatasetJson } from '../../dataset/index';
import { buildAliasTable } from '../../src/core/alias-table';
import { Matcher } from '../../src/core/matcher';
import { validateDataset } from '../../src/core/validate-dataset';

const result = validateDataset(bundledDatasetJson);
if (!result.ok) throw new Error(result.errors.join('\n'));
const matcher = new Matcher(buildAliasTable(result.dataset));

function highlighted(text: string): string[] {
  return matcher.findMentions(text).map((m) => `${text.slice(m.start, m.end)}=${matcher.table.entries[m.entry]!.id}`);
}

describe('look-alikes stay plain', () => {
  it.each([
    ['Kimi Raikkonen won the Australian Grand Prix.'],
    ['Robinson Crusoe spent years on the island.'],
    ['She consulted the Oracle at Delphi.'],
    ['The Treasury of Atreus is a tholos tomb.'],
    ['Drink plenty of H20 after the run.'],
    ['Put your ear to the door; the YEAR ended.'],
    ['Claude Monet painted water lilies.'],
    ['Gemini is the third sign of the zodiac.'],
    ['The llama is a domesticated camelid; a Llama walked by.'],
    ['The A40 road links London and Fishguard.'],
    ['He raised his arm. Arm wrestling is a sport.'],
    ['早餐吃了两个豆包和一碗粥。'],
    ['我们住在一家三星级酒店。'],
    ['阿里山的日出很美。'],
    ['他是个干活的快手。'],
    ['这台服务器的计算能力很强。'],
    ['Температура плавления около 910C по справочнику.'],
  ])('%s', (text) => {
    expect(highlighted(text)).toEqual([]);
  });
});

describe('the same words where the page supports them', () => {
  it.each([
    ['Moonshot AI released Kimi K2, and Kimi now tops the charts.', ['Moonshot AI=moonshot-ai', 'Kimi K2=kimi', 'Kimi=kimi']],
    ['Nvidia may sell the H20 in China again.', ['Nvidia=nvidia', 'H20=nvidia-h20']],
    ['The H20 chip was designed for China.', ['H20=nvidia-h20']],
    ['Anthropic said Claude would not be sold to Chinese-owned firms.', ['Anthropic=anthropic', 'Claude=claude']],
    ['字节跳动的豆包大模型用户数增长。', ['字节跳动=bytedance', '豆包大模型=doubao']],
    ['三星电子的HBM芯片通过测试。', ['三星电子=samsung']],
    ['三星的HBM芯片通过了测试。', ['三星=samsung']],
    ['阿里Qwen与阿里通义千问', ['阿里Qwen=qwen', '阿里通义千问=qwen']],
    ['BIS added the firms to the Entity List under the EAR.', ['BIS=us-bis', 'Entity List=us-entity-list', 'EAR=us-ear']],
  ])('%s', (text, expected) => {
    expect(highlighted(text)).toEqual(expected);
  });
});
