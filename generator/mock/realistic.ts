/**
 * Plausible values from a property's name, so a screen built against the mock shows "Ada Lovelace" and
 * "ada@example.com", not "string". Deterministic: the pick depends only on the name and the seed.
 */

const PEOPLE = [
  ["Ada", "Lovelace"],
  ["Grace", "Hopper"],
  ["Alan", "Turing"],
  ["Katherine", "Johnson"],
  ["Edsger", "Dijkstra"],
  ["Barbara", "Liskov"],
] as const;

const TEXT: [RegExp, (person: readonly [string, string], n: number) => string][] = [
  [/e?mail(address)?$/, ([f, l]) => `${f}.${l}@example.com`.toLowerCase()],
  [/^(first|given)name$/, ([f]) => f],
  [/^(last|family|sur)name$/, ([, l]) => l],
  [/^(full|display|contact|user|person)?name$/, ([f, l]) => `${f} ${l}`],
  [/(phone|mobile|tel|fax)(number)?$/, (_, n) => `+1415555${String(100 + n).padStart(4, "0")}`],
  [/(company|organi[sz]ation|org|account|customer)name$|^company$/, ([, l]) => `${l} Analytical Ltd`],
  [/(avatar|image|photo|picture|logo)(url)?$/, ([f]) => `https://example.com/avatars/${f.toLowerCase()}.png`],
  [/(url|uri|website|homepage|link|href)$/, ([f]) => `https://example.com/${f.toLowerCase()}`],
  [/city$/, (_, n) => ["London", "Lisbon", "Berlin", "Toronto", "Osaka", "Nairobi"][n % 6]!],
  [/country(code)?$/, (_, n) => ["GB", "PT", "DE", "CA", "JP", "KE"][n % 6]!],
  [/(street|addressline1?|line1|address)$/, (_, n) => `${12 + n} Byron Street`],
  [/(zip|postal|post)(code)?$/, (_, n) => `EC1A ${n + 1}BB`],
  [/(job)?title$|role$/, (_, n) => ["Head of Engineering", "Account Manager", "Support Lead"][n % 3]!],
  [/(description|notes?|bio|comment|message|summary)$/, ([f]) => `Met ${f} at the 2024 customer summit.`],
  [/currency$/, (_, n) => ["EUR", "USD", "GBP"][n % 3]!],
  [/(language|locale|lang)$/, (_, n) => ["en-GB", "pt-PT", "de-DE"][n % 3]!],
  [/time_?zone$|tz$/, () => "Europe/London"],
  [/(username|login|handle|nickname)$/, ([f, l]) => `${f}${l[0]}`.toLowerCase()],
  [/slug$/, ([f, l]) => `${f}-${l}`.toLowerCase()],
  [/colou?r$/, (_, n) => ["#3366ff", "#22aa66", "#ff8800"][n % 3]!],
  [/(cursor|token|nextpage|pagetoken)$/, (_, n) => `cur_${(0x5f3a9c21 + n * 7919).toString(16)}`],
  [/status$/, () => "active"],
];

function hash(text: string): number {
  let h = 2166136261;
  for (const c of text) h = Math.imul(h ^ c.codePointAt(0)!, 16777619);
  return h >>> 0;
}

/** `account_id` → `acc_3f9a1c2e`; `id` → `id_…`: short, stable, and recognisably an identifier. */
function identifier(name: string, seed: number): string {
  const stem =
    name
      .replace(/[_-]?id$/i, "")
      .replace(/[^a-z]/gi, "")
      .toLowerCase()
      .slice(0, 3) || "id";
  return `${stem}_${hash(`${name}:${seed}`).toString(16).padStart(8, "0")}`;
}

/** A value for a string property of this name, or undefined when the name says nothing. */
export function textFor(name: string | undefined, seed = 0): string | undefined {
  if (!name) return undefined;
  const key = name.replace(/[^A-Za-z0-9_]/g, "").toLowerCase();
  if (/(^|_)id$|Id$|^id$/.test(name) || /^(uuid|guid)$/.test(key)) return identifier(name, seed);
  // One person per seed, so a synthesised contact's name, email and username agree with each other.
  const n = Math.abs(seed) % PEOPLE.length;
  for (const candidate of [key, key.replace(/s$/, "")]) {
    const flat = candidate.replace(/_/g, "");
    for (const [pattern, make] of TEXT) if (pattern.test(flat) || pattern.test(candidate)) return make(PEOPLE[n]!, n);
  }
  return undefined;
}

const NUMBERS: [RegExp, number][] = [
  [/age$/, 36],
  [/year$/, 2024],
  [/(count|quantity|qty|total)$/, 3],
  [/(amount|price|cost|balance)$/, 1999],
  [/(limit|pagesize|perpage)$/, 25],
  [/port$/, 8080],
  [/lat(itude)?$/, 51.5074],
  [/(lng|lon|longitude)$/, -0.1278],
];

export function numberHint(name: string | undefined): number | undefined {
  if (!name) return undefined;
  const flat = name.replace(/[^A-Za-z0-9]/g, "").toLowerCase();
  return NUMBERS.find(([pattern]) => pattern.test(flat))?.[1];
}
