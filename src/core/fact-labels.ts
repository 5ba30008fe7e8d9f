// Words the tooltip and popup put around the facts, in each display
// language. Kept apart from the components so they hold no literal text.
import type { DisplayLanguage } from './display-language';
import { ZH_HK_LABELS, ZH_TW_LABELS } from './fact-labels-hant';
import type { ClaimType, CompanyType, EntryKind, ExportStatus, RuleDateKind, RuleStatus } from './dataset-schema';

export type Labels = {
  kind: Record<EntryKind, string>;
  /** Kind labels of companies that are not companies. */
  companyType: Record<CompanyType, string>;
  /** A list or control regime the dataset does not follow for this entry. */
  notTracked: string;
  exportStatus: Record<ExportStatus, string>;
  ruleStatus: Record<RuleStatus, string>;
  entityList: Record<'listed' | 'not-listed' | 'removed', string>;
  ruleDate: Record<RuleDateKind, string>;
  /** How a claim that is not official text is marked. */
  claim: Record<Exclude<ClaimType, 'official'>, string>;
  vendor: string;
  year: string;
  memory: string;
  bandwidth: string;
  compute: string;
  sparse: string;
  dense: string;
  exportControls: string;
  since: string;
  statusAsOf: string;
  /** Then and now: the page's date goes after this label. */
  whenWritten: string;
  now: string;
  noRecordThen: string;
  country: string;
  activity: string;
  entityListLabel: string;
  maker: string;
  released: string;
  openWeights: string;
  yes: string;
  no: string;
  issuer: string;
  citation: string;
  status: string;
  related: string;
  caveats: string;
  more: string;
  sources: string;
  asOf: string;
  loading: string;
  notFound: string;
  close: string;
  pin: string;
  openInChipLens: string;
  /** Opens GitHub's form for reporting a wrong or out-of-date fact. */
  reportProblem: string;
  /** A source that is the primary text itself (a law, rule, filing, official release). */
  primarySource: string;
  copyText: string;
  copyMarkdown: string;
  copied: string;
  /** Under a version's title: the family whose facts the card shows ("A version of Qwen"). */
  versionOf: string;
  /** The tooltip's button to what its first layer leaves out, and back. */
  detailsAndSources: string;
  fewerDetails: string;
};

export const FACT_LABELS: Record<DisplayLanguage, Labels> = {
  en: {
    kind: { chip: 'Chip', company: 'Company', model: 'AI model', rule: 'Export rule' },
    companyType: { agency: 'Government body', organisation: 'Organisation' },
    notTracked: 'Not tracked by ChipLens',
    exportStatus: {
      'no-licence-needed': 'No licence needed',
      'licence-required': 'Licence required',
      'licences-granted': 'Licences granted',
      'case-by-case': 'Case-by-case review',
      'presumption-of-denial': 'Presumption of denial',
      'allowed-with-conditions': 'Allowed with conditions',
      'sales-halted': 'Sales halted',
      'discouraged-by-china': 'Discouraged by China',
      'blocked-by-china': 'Blocked by China',
    },
    ruleStatus: {
      proposed: 'Proposed',
      'in-force': 'In force',
      amended: 'Amended',
      rescinded: 'Rescinded',
      suspended: 'Suspended',
      'not-enacted': 'Not enacted',
      guidance: 'Guidance',
      announced: 'Announced',
      published: 'Published, not yet effective',
      'not-enforced': 'In force, not enforced',
      'rescission-announced': 'Rescission announced, not published',
      replaced: 'Replaced',
      stayed: 'Stayed by a court',
      expired: 'Expired',
    },
    entityList: { listed: 'On the Entity List', 'not-listed': 'Not on the Entity List', removed: 'Removed from the Entity List' },
    ruleDate: {
      announced: 'Announced',
      introduced: 'Introduced',
      published: 'Published',
      effective: 'Effective',
      compliance: 'Compliance',
      amended: 'Amended',
      rescinded: 'Rescinded',
      'rescission-announced': 'Rescission announced',
      'not-enforced': 'Non-enforcement announced',
      replaced: 'Replaced',
      stayed: 'Stayed',
      expired: 'Expired',
    },
    claim: { vendor: 'vendor figure', press: 'press report', estimate: 'estimate' },
    vendor: 'Vendor',
    year: 'Year',
    memory: 'Memory',
    bandwidth: 'Memory bandwidth',
    compute: 'Compute',
    sparse: 'sparse',
    dense: 'dense',
    exportControls: 'Export controls',
    since: 'since',
    statusAsOf: 'as of',
    whenWritten: 'When this was written',
    now: 'Now',
    noRecordThen: 'no record that early',
    country: 'Country',
    activity: 'Business',
    entityListLabel: 'US Entity List',
    maker: 'Maker',
    released: 'Released',
    openWeights: 'Open weights',
    yes: 'yes',
    no: 'no',
    issuer: 'Issuer',
    citation: 'Citation',
    status: 'Status',
    related: 'Related',
    caveats: 'Unconfirmed or disputed',
    more: 'more',
    sources: 'Sources',
    asOf: 'Facts as of',
    loading: 'Loading…',
    notFound: 'No details for this entry.',
    close: 'Close',
    pin: 'Keep open',
    openInChipLens: 'More in ChipLens',
    reportProblem: 'Report a problem',
    primarySource: 'primary text',
    copyText: 'Copy',
    copyMarkdown: 'Copy as Markdown',
    copied: 'Copied',
    versionOf: 'A version of',
    detailsAndSources: 'Details and sources',
    fewerDetails: 'Fewer details',
  },
  ru: {
    kind: { chip: 'Чип', company: 'Компания', model: 'ИИ-модель', rule: 'Экспортное правило' },
    companyType: { agency: 'Госорган', organisation: 'Организация' },
    notTracked: 'ChipLens не отслеживает',
    exportStatus: {
      'no-licence-needed': 'Лицензия не нужна',
      'licence-required': 'Нужна лицензия',
      'licences-granted': 'Лицензии выдаются',
      'case-by-case': 'Рассмотрение в каждом случае',
      'presumption-of-denial': 'Презумпция отказа',
      'allowed-with-conditions': 'Разрешено на условиях',
      'sales-halted': 'Продажи остановлены',
      'discouraged-by-china': 'Китай не рекомендует закупки',
      'blocked-by-china': 'Запрещено Китаем',
    },
    ruleStatus: {
      proposed: 'Предложено',
      'in-force': 'Действует',
      amended: 'Изменено',
      rescinded: 'Отменено',
      suspended: 'Приостановлено',
      'not-enacted': 'Не принято',
      guidance: 'Разъяснение',
      announced: 'Объявлено',
      published: 'Опубликовано, ещё не действует',
      'not-enforced': 'Действует, но не применяется',
      'rescission-announced': 'Объявлено об отмене, отмена не опубликована',
      replaced: 'Заменено',
      stayed: 'Приостановлено судом',
      expired: 'Истекло',
    },
    entityList: { listed: 'В списке Entity List', 'not-listed': 'Не в списке Entity List', removed: 'Исключена из Entity List' },
    ruleDate: {
      announced: 'Объявлено',
      introduced: 'Внесено',
      published: 'Опубликовано',
      effective: 'Вступило в силу',
      compliance: 'Обязательно с',
      amended: 'Изменено',
      rescinded: 'Отменено',
      'rescission-announced': 'Объявлено об отмене',
      'not-enforced': 'Объявлено о неприменении',
      replaced: 'Заменено',
      stayed: 'Приостановлено',
      expired: 'Истекло',
    },
    claim: { vendor: 'данные производителя', press: 'сообщение СМИ', estimate: 'оценка' },
    vendor: 'Разработчик',
    year: 'Год',
    memory: 'Память',
    bandwidth: 'Пропускная способность памяти',
    compute: 'Производительность',
    sparse: 'разреж.',
    dense: 'плотн.',
    exportControls: 'Экспортный контроль',
    since: 'с',
    statusAsOf: 'на',
    whenWritten: 'Когда это писалось',
    now: 'Сейчас',
    noRecordThen: 'сведений на ту дату нет',
    country: 'Страна',
    activity: 'Деятельность',
    entityListLabel: 'Entity List США',
    maker: 'Разработчик',
    released: 'Выпуск',
    openWeights: 'Открытые веса',
    yes: 'да',
    no: 'нет',
    issuer: 'Кем издано',
    citation: 'Ссылка',
    status: 'Статус',
    related: 'Связанное',
    caveats: 'Не подтверждено или спорно',
    more: 'ещё',
    sources: 'Источники',
    asOf: 'Данные на',
    loading: 'Загрузка…',
    notFound: 'Нет сведений об этой записи.',
    close: 'Закрыть',
    pin: 'Закрепить',
    openInChipLens: 'Подробнее в ChipLens',
    reportProblem: 'Сообщить об ошибке',
    primarySource: 'первоисточник',
    copyText: 'Копировать',
    copyMarkdown: 'Копировать в Markdown',
    copied: 'Скопировано',
    versionOf: 'Версия модели',
    detailsAndSources: 'Подробности и источники',
    fewerDetails: 'Скрыть подробности',
  },
  zh: {
    kind: { chip: '芯片', company: '公司', model: 'AI 模型', rule: '出口规则' },
    companyType: { agency: '政府机构', organisation: '组织' },
    notTracked: 'ChipLens 未跟踪',
    exportStatus: {
      'no-licence-needed': '无需许可证',
      'licence-required': '需要许可证',
      'licences-granted': '已发放许可证',
      'case-by-case': '逐案审查',
      'presumption-of-denial': '推定拒绝',
      'allowed-with-conditions': '有条件允许',
      'sales-halted': '已停售',
      'discouraged-by-china': '中方劝阻采购',
      'blocked-by-china': '中方禁止',
    },
    ruleStatus: {
      proposed: '提议中',
      'in-force': '生效中',
      amended: '已修订',
      rescinded: '已撤销',
      suspended: '已暂停',
      'not-enacted': '未通过',
      guidance: '指南',
      announced: '已宣布',
      published: '已发布，尚未生效',
      'not-enforced': '有效但暂不执行',
      'rescission-announced': '已宣布撤销，未正式发布',
      replaced: '已被取代',
      stayed: '被法院暂停',
      expired: '已失效',
    },
    entityList: { listed: '列入实体清单', 'not-listed': '未列入实体清单', removed: '已移出实体清单' },
    ruleDate: {
      announced: '宣布',
      introduced: '提出',
      published: '发布',
      effective: '生效',
      compliance: '合规日期',
      amended: '修订',
      rescinded: '撤销',
      'rescission-announced': '宣布撤销',
      'not-enforced': '宣布不执行',
      replaced: '被取代',
      stayed: '暂停',
      expired: '失效',
    },
    claim: { vendor: '厂商数据', press: '媒体报道', estimate: '估计' },
    vendor: '厂商',
    year: '年份',
    memory: '显存',
    bandwidth: '显存带宽',
    compute: '算力',
    sparse: '稀疏',
    dense: '稠密',
    exportControls: '出口管制',
    since: '自',
    statusAsOf: '截至',
    whenWritten: '本文撰写时',
    now: '现在',
    noRecordThen: '无当时的记录',
    country: '国家/地区',
    activity: '业务',
    entityListLabel: '美国实体清单',
    maker: '开发者',
    released: '发布',
    openWeights: '开放权重',
    yes: '是',
    no: '否',
    issuer: '发布机构',
    citation: '文号',
    status: '状态',
    related: '相关',
    caveats: '未证实或有争议',
    more: '更多',
    sources: '来源',
    asOf: '数据截至',
    loading: '加载中…',
    notFound: '没有该条目的详细信息。',
    close: '关闭',
    pin: '固定',
    openInChipLens: '在 ChipLens 中查看',
    reportProblem: '报告问题',
    primarySource: '原始文本',
    copyText: '复制',
    copyMarkdown: '复制为 Markdown',
    copied: '已复制',
    versionOf: '所属模型系列：',
    detailsAndSources: '详情与来源',
    fewerDetails: '收起详情',
  },
  'zh-TW': ZH_TW_LABELS,
  'zh-HK': ZH_HK_LABELS,
};
