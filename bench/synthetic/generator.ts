/** The generator: the state of the claim being written and what the placeholders draw. */
import type { Party } from '../../src/core/schema.ts';
import { type Style, words } from './files.ts';
import {
  FAMILY_FIRST,
  givenNames,
  inventPerson,
  NamePool,
  SURNAME,
  afPlace,
  arPlace,
  esPlace,
  inPlace,
  orgRoot,
  plPlace,
  ruCompany,
  ruPlace,
  uaPlace,
  westPlace,
} from './names.ts';
import { at, hash, hashText, Rng } from './random.ts';
import { cap, commas, lastWord, roundNumber, shortKey, slugify } from './text.ts';
import { type Land, TEMPLATES, type Topic, WORLD } from './world.ts';

/** Which side of a story a speaker is on: `a` and `b` are the interested parties, `n` everyone else. */
type Side = 'a' | 'b' | 'n';
type Kind = 'person' | 'official' | 'anonymous' | 'media' | 'thinktank' | 'ngo';
export interface Speaker {
  party: Party;
  kind: Kind;
  side: Side;
  key: string;
  interested: boolean;
}

export class Gen {
  readonly r: Rng;
  readonly tags = new Set<string>();
  /** The topic and country of the claim being written. */
  topic!: Topic;
  land!: Land;
  /** The title of the story being written, for its headline. */
  storyTitle = '';
  private readonly surnames: Record<Style, NamePool>;
  private readonly towns: Partial<Record<Style, NamePool>>;
  private readonly uaPlaces: NamePool;
  private readonly ruPlaces: NamePool;
  private readonly orgs: NamePool;
  private readonly ruCompanies: NamePool;
  private readonly unitNames: NamePool;
  private readonly holders = new Map<string, string>();

  constructor(private readonly seed: number) {
    this.r = new Rng(seed);
    const names = (salt: number, style: Style, size: number) => new NamePool(seed, salt, size, SURNAME[style]);
    this.surnames = {
      ua: names(1, 'ua', 32000),
      ru: names(2, 'ru', 32000),
      west: names(3, 'west', 32000),
      pl: names(4, 'pl', 8000),
      ro: names(5, 'ro', 6400),
      ka: names(6, 'ka', 3200),
      tr: names(7, 'tr', 4800),
      ko: names(8, 'ko', 1440),
      zh: names(9, 'zh', 1440),
      tw: names(10, 'tw', 1440),
      ja: names(11, 'ja', 3200),
      ar: names(12, 'ar', 12800),
      he: names(13, 'he', 3200),
      fa: names(14, 'fa', 3200),
      es: names(15, 'es', 12800),
      in: names(16, 'in', 8000),
      af: names(17, 'af', 12800),
    };
    this.towns = {
      west: new NamePool(seed, 20, 19200, westPlace),
      es: new NamePool(seed, 21, 12800, esPlace),
      in: new NamePool(seed, 22, 6400, inPlace),
      ar: new NamePool(seed, 23, 12800, arPlace),
      af: new NamePool(seed, 24, 12800, afPlace),
      pl: new NamePool(seed, 25, 6400, plPlace),
    };
    this.uaPlaces = new NamePool(seed, 26, 32000, uaPlace);
    this.ruPlaces = new NamePool(seed, 27, 19200, ruPlace);
    this.orgs = new NamePool(seed, 28, 32000, orgRoot);
    this.ruCompanies = new NamePool(seed, 29, 12800, ruCompany);
    this.unitNames = new NamePool(seed, 30, 9600, (r) => (r.chance(0.5) ? orgRoot(r) : SURNAME.ua(r)));
  }

  pick<T>(list: readonly T[]): T {
    return this.r.pick(list);
  }
  z<T>(list: readonly T[]): T {
    return this.r.pickZ(list);
  }
  chance(p: number): boolean {
    return this.r.chance(p);
  }
  tag(...tags: string[]): void {
    for (const t of tags) this.tags.add(t);
  }
  /** Tags the claim with a place it names. */
  tagged(place: string): string {
    this.tag(slugify(place));
    return place;
  }

  /** Tags the claim with `tag`; writes nothing. */
  mark(tag: string): string {
    this.tag(tag);
    return '';
  }

  // numbers
  count(lo = 2, hi = 90): string {
    const n = this.r.range(lo, hi);
    return n >= 2 && n <= 9 && this.chance(0.6) ? at(words('SMALL_WORDS'), n - 2) : commas(n);
  }
  big(lo = 100, hi = 5000): string {
    return commas(roundNumber(this.r, lo, hi));
  }
  percent(lo = 2, hi = 85): string {
    return `${this.r.range(lo, hi)}%`;
  }
  /** "3.4", for rates and shares given to one decimal. */
  dec(lo: number, hi: number): string {
    return `${this.r.range(lo, hi)}.${this.r.range(0, 9)}`;
  }
  ordinal(max = 160): string {
    const n = this.r.zipf(max, 0.9, 3) + 1;
    const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
    return `${n}${suffix}`;
  }
  month(): string {
    return this.pick(words('MONTHS'));
  }
  weekday(): string {
    return this.pick(words('WEEKDAYS'));
  }
  year(lo = 2027, hi = 2040): string {
    return String(this.r.range(lo, hi));
  }
  // soon(), when() and office() draw every option before picking one, which a template choice does not (it draws
  // only the option it picks): as templates they would change the data, so they stay here.
  soon(): string {
    return this.z([
      'next month',
      'by the end of the year',
      `in ${this.month()}`,
      'before winter',
      'within weeks',
      'in the coming months',
      'this spring',
      `by ${this.month()}`,
    ]);
  }
  when(): string {
    return this.z([
      'last week',
      'in recent days',
      'since October',
      'this month',
      'over the past month',
      'earlier this year',
      'in the autumn',
      'since the summer',
      `in ${this.month()}`,
      `since ${this.month()}`,
      `by the end of ${this.month()}`,
      'in 2024',
      'in 2025',
      'last year',
      'overnight',
      'on Sunday',
    ]);
  }

  // invented places and units
  village(): string {
    return this.uaPlaces.draw(this.r);
  }
  /** An invented name for a battalion or a drone unit. */
  unitName(): string {
    return this.unitNames.draw(this.r);
  }
  /** An invented Russian town. */
  ruTown(): string {
    return this.ruPlaces.draw(this.r);
  }
  /** An invented Arab village or town. */
  arVillage(): string {
    return (this.towns.ar ?? this.ruPlaces).draw(this.r);
  }
  // countries
  country(): string {
    return this.z(WORLD.countries)[0];
  }
  countryAdj(): string {
    return this.z(WORLD.countries)[1];
  }
  ally(): string {
    return this.z(WORLD.allies)[0];
  }
  allyAdj(): string {
    return this.z(WORLD.allies)[1];
  }
  // the story
  /** A place the current story is about. */
  here(): string {
    return this.topic.here(this);
  }
  desk(): string {
    return this.topic.desk;
  }
  /** The story's country, its cities and its towns. */
  landName(): string {
    return this.land.name;
  }
  landPoss(): string {
    return this.land.name.endsWith('s') ? `${this.land.name}’` : `${this.land.name}’s`;
  }
  landAdj(): string {
    return this.land.adj;
  }
  landParliament(): string {
    return this.land.parliament;
  }
  /** The first of the country's cities (mostly its capital). */
  landFirstCity(): string {
    return this.land.cities[0] ?? this.land.name;
  }
  landCity(): string {
    return this.tagged(this.z(this.land.cities));
  }
  town(): string {
    const pool = this.towns[this.land.style];
    return pool && this.chance(0.6) ? pool.draw(this.r) : this.landCity();
  }

  // names
  /** An invented person: "Oksana Hlyvachuk", "Chen Chia-ting". The style defaults to the story's country. */
  person(style: Style = this.land.style): string {
    const family = FAMILY_FIRST[style];
    const surname = this.surnames[style].draw(this.r);
    return family ? `${this.z(family)} ${surname}` : `${this.z(givenNames(style))} ${surname}`;
  }
  /** The invented holder of a role: the same role always has the same holder (for one seed). */
  holder(style: Style, role: string): string {
    const key = `${style}|${role}`;
    let name = this.holders.get(key);
    if (name === undefined) {
      name = inventPerson(new Rng(hash(this.seed, 77, hashText(key))), style);
      this.holders.set(key, name);
    }
    return name;
  }
  org(theme: string = this.topic.orgs): string {
    const kind = WORLD.organisations[theme];
    if (!kind) throw new Error(`bench/synthetic-world.json has no organisations for "${theme}"`);
    if (this.chance(0.2)) return this.z(kind.fixed)[0];
    return this.r.weighted(kind.names).replace('%', this.orgs.draw(this.r));
  }
  company(kind = 'any'): string {
    if (kind === 'ru') return `${this.ruCompanies.draw(this.r)}${this.chance(0.3) ? ' JSC' : ''}`;
    return `${this.orgs.draw(this.r)} ${this.z(WORLD.companySuffixes[kind] ?? [])}`;
  }
  outlet(): string {
    const regional = WORLD.regionalOutlets[this.topic.region ?? this.land.region];
    if (regional && this.chance(0.4)) return this.z(regional);
    return this.r.pickZ(words('OUTLETS'), 1, 3);
  }
  /** What a candidate runs for. */
  office(): string {
    return this.land.president ? 'president' : this.pick(['parliament', `mayor of ${this.landCity()}`]);
  }
  /** A named storm, called what storms are called where the story is. */
  storm(): string {
    return `${this.land.storm(this)} ${this.pick(words('STORM_NAMES'))}`;
  }

  /** Who makes the claim. */
  speaker(topic: Topic): Speaker {
    const kind = this.r.weighted<'person' | 'group' | 'anonymous' | 'org' | 'outlet' | 'media'>([
      ['person', 52],
      ['group', 9],
      ['anonymous', 13],
      ['org', 15],
      ['outlet', 6],
      ['media', 2],
    ]);
    switch (kind) {
      case 'person': {
        let side = this.r.weighted<Side>([
          ['a', 36],
          ['b', 26],
          ['n', 38],
        ]);
        if (topic[side].roles.length === 0) side = 'n';
        const [styleOrLand, describe] = this.r.pickZ(topic[side].roles, 1, 2);
        const style = styleOrLand === 'land' ? this.land.style : styleOrLand;
        const role = describe(this);
        const name = this.chance(0.45) ? this.holder(style, role) : this.person(style);
        return { party: { name, description: role }, kind: 'person', side, key: FAMILY_FIRST[style] ? name : lastWord(name), interested: side !== 'n' };
      }
      case 'group': {
        const side = this.chance(0.6) ? 'a' : 'b';
        const groups = topic[side].groups ?? [];
        if (groups.length > 0) {
          const name = cap(this.pick(groups)(this));
          return { party: { name }, kind: 'official', side, key: shortKey(name), interested: true };
        }
        return this.speaker(topic);
      }
      case 'media': {
        const side = this.chance(0.7) ? 'b' : 'a';
        const media = topic[side].media ?? [];
        if (media.length > 0) {
          const [name, description] = this.z(media);
          return { party: { name, description }, kind: 'media', side, key: shortKey(name), interested: false };
        }
        return this.speaker(topic);
      }
      case 'anonymous': {
        const pool = topic.anonymous && this.chance(0.6) ? topic.anonymous : TEMPLATES.anonymous;
        const [name, description] = this.r.pickZ(pool, 1, 2);
        return { party: description ? { name, description } : { name }, kind: 'anonymous', side: 'n', key: shortKey(name), interested: false };
      }
      case 'org': {
        const kind = WORLD.organisations[topic.orgs];
        if (!kind) throw new Error(`bench/synthetic-world.json has no organisations for "${topic.orgs}"`);
        const [name, description] = this.chance(0.35) ? this.z(kind.fixed) : [this.org(), this.z(kind.descriptions)];
        const ngo =
          /rights|monitor|aid|charity|union|group|coalition|alliance|network|collective|project/.test(description) &&
          !/research group|intelligence group/.test(description);
        return {
          party: { name: cap(name), description },
          kind: ngo ? 'ngo' : 'thinktank',
          side: 'n',
          key: shortKey(name.replace(/^the /i, '')),
          interested: false,
        };
      }
      case 'outlet': {
        const name = this.outlet();
        return { party: { name }, kind: 'media', side: 'n', key: shortKey(name), interested: false };
      }
    }
  }
}
