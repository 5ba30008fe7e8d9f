// The dataset's shape, checked with valibot wherever data enters ChipLens
// (the bundled copy, and later downloaded copies). Types are inferred from
// the schema so the two can never drift apart.
import * as v from 'valibot';

const DATASET_FORMAT = 1;

// Marked free of side effects, like valibot's own functions, so that a bundle
// that needs only ENTRY_KINDS or EntryId (the content script) leaves the
// entry schemas out instead of building them on every page.
/* @__NO_SIDE_EFFECTS__ */
const nonEmpty = (what: string) => v.pipe(v.string(), v.trim(), v.nonEmpty(`${what} must not be empty`));

/** A calendar date, or a month or a year when the source is no more precise. */
const PartialDate = v.pipe(v.string(), v.regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD'));
const IsoDate = v.pipe(v.string(), v.isoDate('must be a date YYYY-MM-DD'));

export const EntryId = v.pipe(v.string(), v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are lower-case kebab-case, e.g. nvidia-h20'));

// Tooltips render source links as clickable text; only https may go there.
const HttpsUrl = v.pipe(v.string(), v.url('must be a URL'), v.startsWith('https://', 'source links must use https'));

const SourceSchema = v.strictObject({
  url: HttpsUrl,
  title: nonEmpty('source title'),
  publisher: v.optional(nonEmpty('publisher')),
  /** When the source itself was published or last updated. */
  published: v.optional(PartialDate),
  /** When we read it. */
  accessed: IsoDate,
  /** A page kept current (a register, a datasheet): it speaks for the day we read it. */
  live: v.optional(v.literal(true)),
});

/** Made from `zh` when the dataset is assembled (see traditional-text); zh-HK only where it differs from zh-TW. */
const TraditionalText = {
  'zh-TW': v.optional(nonEmpty('Traditional Chinese text')),
  'zh-HK': v.optional(nonEmpty('Traditional Chinese text (Hong Kong)')),
};

/** Text in the three interface languages; English is always there. */
const LocalText = v.strictObject({
  en: nonEmpty('English text'),
  ru: v.optional(nonEmpty('Russian text')),
  zh: v.optional(nonEmpty('Chinese text')),
  ...TraditionalText,
});

/** Names and summaries are shown in every interface language. */
/* @__NO_SIDE_EFFECTS__ */
const Trilingual = (what: string) =>
  v.strictObject({
    en: nonEmpty(`English ${what}`),
    ru: nonEmpty(`Russian ${what}`),
    zh: nonEmpty(`Chinese ${what}`),
    ...TraditionalText,
  });

/** Indexes into the entry's `sources`: every fact names where it comes from. */
const SourceRefs = v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(0))), v.minLength(1, 'a fact needs at least one source'));

const AliasSchema = v.union([
  nonEmpty('alias'),
  v.strictObject({
    text: nonEmpty('alias'),
    /** Acronyms such as BIS or EAR only count in their exact case. */
    caseSensitive: v.optional(v.boolean()),
    /**
     * Russian declension: `true` inflects the last word, a number the word at
     * that index (0-based), a list several words (an adjective and its noun:
     * «Главное управление» → «Главным управлением»). Single Cyrillic words
     * inflect by default.
     */
    inflect: v.optional(
      v.union([
        v.boolean(),
        v.pipe(v.number(), v.integer(), v.minValue(0)),
        v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(0))), v.minLength(1, 'name at least one word to inflect')),
      ]),
    ),
    /**
     * The spelling names more than one entry (e.g. "Hopper"); only allowed
     * when every entry that uses it says so.
     */
    ambiguous: v.optional(v.literal(true)),
    /**
     * The spelling is also an everyday word or code ("EAR", "H20", "Kimi"):
     * it is highlighted only when the page supports it, i.e. a related entry
     * is mentioned on the page or one of the entry's `context` words stands
     * in the same paragraph.
     */
    needsContext: v.optional(v.literal(true)),
    /**
     * A model's name that is an everyday word on its own ("Seed", "Opus",
     * "Step"): found only with a version written after it ("Seed 2.0",
     * "Claude's Opus 4.5"). Models only.
     */
    withVersion: v.optional(v.literal(true)),
  }),
]);

/** Words that, near a context-dependent alias, show the entry is meant ("GPU", "芯片"). */
const ContextWords = v.strictObject({
  en: v.optional(v.array(nonEmpty('context word'))),
  ru: v.optional(v.array(nonEmpty('context word'))),
  zh: v.optional(v.array(nonEmpty('context word'))),
});

const Aliases = v.strictObject({
  en: v.optional(v.array(AliasSchema)),
  ru: v.optional(v.array(AliasSchema)),
  zh: v.optional(v.array(AliasSchema)),
});

const EXPORT_STATUSES = [
  'no-licence-needed',
  'licence-required',
  'licences-granted',
  'case-by-case',
  'presumption-of-denial',
  /** Exports allowed only on conditions beyond a licence (a revenue share, volume caps, end-user checks). */
  'allowed-with-conditions',
  /** The maker stopped making or selling it for the region, whatever the rules allow. */
  'sales-halted',
  /** The buyer's government told its companies not to buy it, without a formal ban. */
  'discouraged-by-china',
  /** The buyer's government barred its purchase or import. */
  'blocked-by-china',
] as const;

/** Whose claim a figure or status is. Anything but `official` is marked in the tooltip. */
const CLAIM_TYPES = ['official', 'vendor', 'press', 'estimate'] as const;
const Claim = v.optional(v.picklist(CLAIM_TYPES));
/** When the fact was last verified against its source. */
const Checked = v.optional(v.pipe(v.string(), v.isoDate('checked must be a date YYYY-MM-DD')));

const ExportStatusEvent = v.strictObject({
  date: PartialDate,
  status: v.picklist(EXPORT_STATUSES),
  /** Where the status applies, e.g. "China (incl. Hong Kong, Macau)". */
  region: LocalText,
  rule: v.optional(EntryId),
  note: v.optional(LocalText),
  claim: Claim,
  checked: Checked,
  src: SourceRefs,
});

const COMPUTE_FORMATS = ['FP64', 'FP32', 'TF32', 'FP16', 'BF16', 'FP8', 'INT8', 'FP4'] as const;

const ChipFacts = v.strictObject({
  vendor: EntryId,
  year: v.optional(v.strictObject({ value: v.pipe(v.number(), v.integer(), v.minValue(1990)), claim: Claim, checked: Checked, src: SourceRefs })),
  memory: v.optional(v.strictObject({ gb: v.pipe(v.number(), v.minValue(0)), type: nonEmpty('memory type'), claim: Claim, checked: Checked, src: SourceRefs })),
  bandwidth: v.optional(v.strictObject({ tbps: v.pipe(v.number(), v.minValue(0)), claim: Claim, checked: Checked, src: SourceRefs })),
  compute: v.optional(
    v.strictObject({
      tflops: v.pipe(v.number(), v.minValue(0)),
      format: v.picklist(COMPUTE_FORMATS),
      /** With sparsity or dense; left out when the source does not say which. */
      sparse: v.optional(v.boolean()),
      claim: Claim,
      checked: Checked,
      src: SourceRefs,
    }),
  ),
  /** Oldest first: the last event is the status today. */
  exportStatus: v.optional(v.array(ExportStatusEvent)),
});

const ENTITY_LIST_STATUSES = ['listed', 'not-listed', 'removed'] as const;

/** What an entry of kind company is when it is not a company: a ministry, an agency, a legislature's committee; or a research institute, a university, a standards body. */
const COMPANY_TYPES = ['agency', 'organisation'] as const;

const CompanyFacts = v.strictObject({
  /** Left out for a company. */
  type: v.optional(v.picklist(COMPANY_TYPES)),
  /** ISO 3166-1 alpha-2 code of the headquarters' country. */
  country: v.strictObject({ code: v.pipe(v.string(), v.regex(/^[A-Z]{2}$/, 'ISO country code')), claim: Claim, checked: Checked, src: SourceRefs }),
  activity: v.strictObject({ text: LocalText, claim: Claim, checked: Checked, src: SourceRefs }),
  entityList: v.optional(
    v.array(
      v.strictObject({
        date: PartialDate,
        status: v.picklist(ENTITY_LIST_STATUSES),
        note: v.optional(LocalText),
        claim: Claim,
        checked: Checked,
        src: SourceRefs,
      }),
    ),
  ),
});

const ModelFacts = v.strictObject({
  maker: EntryId,
  released: v.optional(v.strictObject({ date: PartialDate, note: v.optional(LocalText), claim: Claim, checked: Checked, src: SourceRefs })),
  openWeights: v.optional(v.strictObject({ value: v.boolean(), note: v.optional(LocalText), claim: Claim, checked: Checked, src: SourceRefs })),
});

const RULE_STATUSES = [
  'proposed',
  'in-force',
  'amended',
  'rescinded',
  'suspended',
  'not-enacted',
  'guidance',
  /** Made public by its issuer, not yet published as law. */
  'announced',
  /** Published (e.g. in the Federal Register), not yet effective. */
  'published',
  /** Law, but its issuer said it will not enforce it. */
  'not-enforced',
  /** A rescission was announced, but none was published: the text formally stands. */
  'rescission-announced',
  /** Superseded by a later instrument. */
  'replaced',
  /** Stayed or blocked by a court. */
  'stayed',
  /** Lapsed at the end of its term. */
  'expired',
] as const;

const RULE_DATE_KINDS = [
  'announced',
  'introduced',
  'published',
  'effective',
  'compliance',
  'amended',
  'rescinded',
  'rescission-announced',
  'not-enforced',
  'replaced',
  'stayed',
  'expired',
] as const;

const RuleFacts = v.strictObject({
  issuer: v.strictObject({ name: LocalText, entity: v.optional(EntryId), claim: Claim, checked: Checked, src: SourceRefs }),
  citation: v.optional(v.strictObject({ value: nonEmpty('citation'), claim: Claim, checked: Checked, src: SourceRefs })),
  dates: v.array(
    v.strictObject({
      kind: v.picklist(RULE_DATE_KINDS),
      date: PartialDate,
      /** A date set for the future (a compliance deadline, say). */
      scheduled: v.optional(v.literal(true)),
      note: v.optional(LocalText),
      claim: Claim,
      checked: Checked,
      src: SourceRefs,
    }),
  ),
  /** Oldest first: the last event is the status today. */
  status: v.pipe(
    v.array(
      v.strictObject({ date: PartialDate, status: v.picklist(RULE_STATUSES), note: v.optional(LocalText), claim: Claim, checked: Checked, src: SourceRefs }),
    ),
    v.minLength(1, 'a rule needs a status'),
  ),
});

/** Where sources disagree or a report is unconfirmed, the entry says so. */
const Caveat = v.strictObject({ text: LocalText, claim: Claim, checked: Checked, src: SourceRefs });

/** An entry of one kind: the fields every entry has, and that kind's facts. */
/* @__NO_SIDE_EFFECTS__ */
function entryOf<const K extends string, F extends v.GenericSchema>(kind: K, facts: F) {
  return v.strictObject({
    id: EntryId,
    kind: v.literal(kind),
    name: Trilingual('name'),
    aliases: Aliases,
    summary: Trilingual('summary'),
    related: v.array(EntryId),
    context: v.optional(ContextWords),
    /**
     * A name whose mention alone says nothing about chips (Google, Apple, a
     * government department): highlighted only where the passage or the
     * page is on topic (see topic-words). Readers may turn this off.
     */
    broad: v.optional(v.literal(true)),
    caveats: v.optional(v.array(Caveat)),
    sources: v.pipe(v.array(SourceSchema), v.minLength(1, 'an entry needs at least one source')),
    asOf: IsoDate,
    facts,
  });
}

export const EntrySchema = v.variant('kind', [
  entryOf('chip', ChipFacts),
  entryOf('company', CompanyFacts),
  entryOf('model', ModelFacts),
  entryOf('rule', RuleFacts),
]);

export const DatasetSchema = v.strictObject({
  format: v.literal(DATASET_FORMAT, `dataset format must be ${DATASET_FORMAT}`),
  /** Grows with every published copy: YYYYMMDDNN. */
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  asOf: IsoDate,
  entries: v.pipe(v.array(EntrySchema), v.minLength(1, 'a dataset needs entries')),
});

export type Source = v.InferOutput<typeof SourceSchema>;
export type LocalizedText = v.InferOutput<typeof LocalText>;
export type Alias = v.InferOutput<typeof AliasSchema>;

/** An alias with its options, a plain spelling being one with none. */
export function aliasSpec(alias: Alias): Exclude<Alias, string> {
  return typeof alias === 'string' ? { text: alias } : alias;
}
export type Entry = v.InferOutput<typeof EntrySchema>;
export type EntryKind = Entry['kind'];
export type Dataset = v.InferOutput<typeof DatasetSchema>;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];
export type RuleStatus = (typeof RULE_STATUSES)[number];
export type RuleDateKind = (typeof RULE_DATE_KINDS)[number];
export type ClaimType = (typeof CLAIM_TYPES)[number];
export type CompanyType = (typeof COMPANY_TYPES)[number];

export const ENTRY_KINDS: readonly EntryKind[] = ['chip', 'company', 'model', 'rule'];
