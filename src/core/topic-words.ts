// Words that put a passage on ChipLens's topic: chips, chipmaking, AI
// compute and export controls. A broad name (Google, Apple, a ministry)
// is highlighted only in a passage with one of these words or with a
// chip, model or rule mention, or on a page that is on topic as a whole
// (see page-context). They are the matcher's vocabulary, not facts, so
// they live with the code and are compiled as cues of every broad entry.
//
// Kept to words that rarely stand on a page about something else: "AI"
// alone, "cloud" or "app" would put most of today's pages on topic.
import type { Alias } from './dataset-schema';

const EN: Alias[] = [
  'chip',
  'chips',
  'chipmaker',
  'chipmakers',
  'chipmaking',
  'microchip',
  'microchips',
  'semiconductor',
  'semiconductors',
  'GPU',
  'GPUs',
  'TPU',
  'TPUs',
  'AI accelerator',
  'AI accelerators',
  'AI chip',
  'AI chips',
  'AI model',
  'AI models',
  'large language model',
  'large language models',
  'LLM',
  'LLMs',
  'foundry',
  'wafer',
  'wafers',
  'lithography',
  'data centre',
  'data centres',
  'data center',
  'data centers',
  'datacenter',
  'datacenters',
  'supercomputer',
  'export control',
  'export controls',
  'export licence',
  'export license',
  'export licences',
  'export licenses',
  'entity list',
  // The materials chips are made of, whose export rules are chip news.
  'gallium',
  'germanium',
  'antimony',
  'rare earth',
  'rare earths',
  'rare-earth',
  'dual-use',
];

const RU: Alias[] = [
  'чип',
  'микросхема',
  'полупроводник',
  'полупроводниковый',
  'процессор',
  'ускоритель',
  'видеокарта',
  'литография',
  'суперкомпьютер',
  'ИИ-чип',
  'ИИ-ускоритель',
  'ИИ-модель',
  'нейросеть',
  'дата-центр',
  'ЦОД',
  { text: 'экспортный контроль', inflect: [0, 1] },
  { text: 'экспортного контроля' },
  { text: 'экспортные ограничения', inflect: [0, 1] },
  'галлий',
  'германий',
  'сурьма',
  { text: 'редкоземельный металл', inflect: [0, 1] },
  'двойного назначения',
];

const ZH: Alias[] = [
  '芯片',
  '晶片',
  '半导体',
  '处理器',
  '加速器',
  '显卡',
  '算力',
  '晶圆',
  '光刻',
  '制程',
  '代工',
  '数据中心',
  '大模型',
  '人工智能芯片',
  '出口管制',
  '实体清单',
  '稀土',
  '镓',
  '锗',
  '锑',
  '两用物项',
];

export const TOPIC_WORDS: readonly Alias[] = [...EN, ...RU, ...ZH];
