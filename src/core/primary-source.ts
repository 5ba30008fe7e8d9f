// Whether a source is the primary text itself: a government's own site (a
// law, a rule, a register, an agency's notice or filing) or a company's own
// release. The tooltip marks such sources, so a reader can tell them from
// press reports at a glance.

/** Government hosts: the domain or any host under it. */
const OFFICIAL_DOMAINS = [
  'gov',
  'mil',
  'gov.cn',
  'gov.tw',
  'gov.hk',
  'gov.uk',
  'gov.sg',
  'gov.my',
  'gov.au',
  'gov.in',
  'go.jp',
  'go.kr',
  'gc.ca',
  'europa.eu',
  'overheid.nl',
  'rijksoverheid.nl',
  'government.nl',
  'gouv.fr',
  'bund.de',
  'admin.ch',
  'wassenaar.org',
  'npc.gov.cn',
  'moea.gov.tw',
];

/** Companies' own release services and sites, where a vendor's figures are first published. */
const VENDOR_DOMAINS = [
  'nvidianews.nvidia.com',
  'investor.nvidia.com',
  'nvidia.com',
  'amd.com',
  'intel.com',
  'huawei.com',
  'tsmc.com',
  'asml.com',
  'globenewswire.com',
  'prnewswire.com',
  'businesswire.com',
];

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase();
  } /* Stryker disable next-line BlockStatement: an empty catch returns undefined as well */ catch {
    return undefined;
  }
}

const under = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

export function isPrimarySource(url: string): boolean {
  const host = hostOf(url);
  if (!host) return false;
  return OFFICIAL_DOMAINS.some((d) => under(host, d)) || VENDOR_DOMAINS.some((d) => under(host, d));
}
