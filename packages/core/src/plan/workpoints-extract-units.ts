/**
 * Recognising the units a 工作要点 names against the county's org list. Documents write a unit many ways: the full
 * name (区人民法院), the short name kept on the org (区法院), the name without the county prefix (司法局), with the
 * county's own name (昭化区司法局), or a customary abbreviation (住建局, 人社局, 依法治区办). Each org gets every one of
 * those spellings as an alias; a phrase is read left to right taking the longest alias at each position, so
 * "区住房和城乡建设局" is one unit and not "…和…". Collective words (各镇街, 各成员单位) stand for every org of a kind.
 */

export type WorkpointOrg = { id: number; name: string; shortName?: string | null; kind: string };

/** Long official wording → the abbreviation documents use. Applied to every name to derive further aliases. */
const abbreviations: [string, string][] = [
  ['人民法院', '法院'],
  ['人民检察院', '检察院'],
  ['人民政府办公室', '政府办'],
  ['人民政府', '政府'],
  ['办公室', '办'],
  ['住房和城乡建设', '住建'],
  ['人力资源和社会保障', '人社'],
  ['市场监督管理', '市场监管'],
  ['综合行政执法', '综合执法'],
  ['发展和改革', '发改'],
  ['农业农村', '农业农村'],
  ['文化广播电视和旅游', '文广旅'],
  ['文化旅游', '文旅'],
  ['卫生健康', '卫健'],
  ['交通运输', '交通'],
  ['生态环境', '生态环境'],
  ['退役军人事务', '退役军人事务'],
  ['应急管理', '应急'],
  ['全面依法治区委员会办公室', '依法治区办'],
  ['全面依法治县委员会办公室', '依法治县办'],
  ['依法治区办', '依法办'],
  ['依法治县办', '依法办'],
];

/** Collective words and the org kinds they stand for. Longest first, so 各乡镇（街道） wins over 各乡镇. */
const collectives: { pattern: RegExp; kinds: string[] }[] = [
  {
    pattern: /^(?:各乡镇[（(]街道[)）]|各镇[（(]街道[)）]|各乡镇街道|各镇街道|各乡镇|各镇街|各街镇|各镇)/,
    kinds: ['township'],
  },
  { pattern: /^各(?:中心)?司法所/, kinds: ['judicial_office'] },
  {
    pattern:
      /^(?:各成员单位|区级各部门|县级各部门|区直各部门|县直各部门|区级各成员单位|县级各成员单位|区各部门|县各部门)/,
    kinds: ['department'],
  },
];

const COUNTY_PREFIX = /^[区县市]/;

function derive(names: string[], countyNames: string[]): string[] {
  const out = new Set<string>();
  const add = (n: string) => {
    if (n.length >= 2) out.add(n);
  };
  for (const name of names) {
    add(name);
    let abbreviated = name;
    for (const [long, short] of abbreviations) abbreviated = abbreviated.replace(long, short);
    add(abbreviated);
    for (const n of [name, abbreviated]) {
      // 区司法局 → 司法局 and 昭化区司法局; 昭化区司法局 → 区司法局 and 司法局.
      for (const county of countyNames) {
        if (n.startsWith(county)) {
          const rest = n.slice(county.length);
          add(county.slice(-1) + rest);
          if (rest.length >= 3) add(rest);
        }
      }
      // 区委宣传部 → 宣传部, 区委依法治区办 → 依法治区办 (but not 区委办公室 → 办公室: every office is one).
      if (/^[区县]委./.test(n)) {
        const rest = n.slice(2);
        if (rest.length >= 3 && !/^办/.test(rest)) add(rest);
      }
      if (COUNTY_PREFIX.test(n)) {
        const rest = n.slice(1);
        // 区委办 → 委办, 区政府 → 政府 are too vague to stand alone.
        if (rest.length >= 2 && !rest.startsWith('委') && !rest.startsWith('政府')) add(rest);
        for (const county of countyNames) if (county.endsWith(n[0]!)) add(county + rest);
      }
    }
  }
  return [...out];
}

export type UnitMatcher = {
  /** Units named in a phrase, in order of appearance (a collective word adds its orgs in org-list order). */
  match(phrase: string): { ids: number[]; collectiveIds: number[]; unmatched: string[]; leftover: string };
  nameOf(id: number): string;
};

/** Words around unit names that are neither a unit nor worth reporting as an unknown one. */
const FILLER =
  /^(?:由|其他|有关|相关|等|等单位|等部门|共同|分别|按职责|按照职责|分工|负责|牵头|配合|参与|协助|协办|落实|抓好|推进|组织|会同|联合|指导|督促|具体|承办|及|和|与|各相关单位|各有关单位|相关单位|有关单位|相关部门|有关部门|全区各级各部门|各级各部门|全区各部门)+$/;
/** A leftover that ends like a unit name is reported as not recognised (the office adds the org or picks it). */
const UNIT_SUFFIX =
  /(?:局|办|委|部|院|会|所|队|中心|站|公司|处|室|镇|乡|街道|社区|村|厅|团|联|协会|分局|支队|大队|集团)$/;
const SEPARATORS = /[、，,；;和及与等\s]+/;

export function unitMatcher(orgs: readonly WorkpointOrg[]): UnitMatcher {
  const countyNames = orgs.filter((o) => o.kind === 'county').map((o) => o.name);
  const aliases = new Map<string, number>();
  const ambiguous = new Set<string>();
  for (const org of orgs) {
    if (org.kind === 'county' || org.kind === 'city' || org.kind === 'province') continue;
    const names = [org.name, ...(org.shortName ? [org.shortName] : [])];
    for (const alias of derive(names, countyNames)) {
      const seen = aliases.get(alias);
      if (seen !== undefined && seen !== org.id) ambiguous.add(alias);
      else aliases.set(alias, org.id);
    }
  }
  // An alias two orgs share (two 司法所 called 司法所) names neither; the full names still do.
  for (const a of ambiguous) aliases.delete(a);
  const byLength = [...aliases.keys()].sort((a, b) => b.length - a.length);
  const maxLen = byLength[0]?.length ?? 0;
  const names = new Map(orgs.map((o) => [o.id, o.name]));

  const match = (phrase: string) => {
    const ids: number[] = [];
    const collectiveIds: number[] = [];
    const leftovers: string[] = [];
    let rest = '';
    let i = 0;
    while (i < phrase.length) {
      let found: { len: number; ids: number[]; collective: boolean } | null = null;
      for (let len = Math.min(maxLen, phrase.length - i); len >= 2; len--) {
        const id = aliases.get(phrase.slice(i, i + len));
        if (id !== undefined) {
          found = { len, ids: [id], collective: false };
          break;
        }
      }
      if (!found) {
        const tail = phrase.slice(i);
        for (const c of collectives) {
          const m = c.pattern.exec(tail);
          if (m) {
            found = {
              len: m[0].length,
              ids: orgs.filter((o) => c.kinds.includes(o.kind)).map((o) => o.id),
              collective: true,
            };
            break;
          }
        }
      }
      if (found) {
        leftovers.push(rest);
        rest = '';
        for (const id of found.ids) {
          const list = found.collective ? collectiveIds : ids;
          if (!list.includes(id)) list.push(id);
        }
        i += found.len;
      } else {
        rest += phrase[i];
        i++;
      }
    }
    leftovers.push(rest);
    const unmatched = leftovers
      .flatMap((l) => l.split(SEPARATORS))
      .map((l) => l.replace(/^(?:由|会同|以及|及|和|与|等)/, '').replace(/(?:等|牵头|配合|负责|参与|协助)+$/, ''))
      .filter((l) => l.length >= 2 && !FILLER.test(l) && UNIT_SUFFIX.test(l));
    return {
      ids,
      collectiveIds: collectiveIds.filter((id) => !ids.includes(id)),
      unmatched,
      leftover: leftovers.join(''),
    };
  };
  return { match, nameOf: (id) => names.get(id) ?? String(id) };
}
