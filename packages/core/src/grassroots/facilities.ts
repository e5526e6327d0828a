import { type Coverage, coverage } from './coverage.ts';

/** Rule-of-law facilities and the tiers they exist at; the 三级 legal-aid network is one type per tier. */
export const facilityTiers = ['county', 'township', 'village'] as const;
export type FacilityTier = (typeof facilityTiers)[number];
export const facilityTierLabels: Record<FacilityTier, string> = {
  county: '县（区）级',
  township: '乡镇（街道）级',
  village: '村（社区）级',
};

export const facilityTypes = [
  'publicity_room',
  'mediation_room',
  'culture_square',
  'culture_corridor',
  'culture_wall',
  'culture_column',
  'book_corner',
  'law_library',
  'comprehensive_center',
  'legal_aid_center',
  'legal_aid_station',
  'legal_aid_contact_point',
  'pls_center',
  'pls_station',
  'pls_room',
  'reasoning_point',
  'law_supermarket',
] as const;
export type FacilityType = (typeof facilityTypes)[number];

export type FacilityTypeInfo = { label: string; group: string | null; tiers: readonly FacilityTier[] };

export const facilityTypeInfo: Record<FacilityType, FacilityTypeInfo> = {
  publicity_room: { label: '法治宣传室', group: '两室', tiers: ['township', 'village'] },
  mediation_room: { label: '人民调解室', group: '两室', tiers: ['township', 'village'] },
  culture_square: { label: '法治文化广场', group: '五个载体', tiers: ['county', 'township', 'village'] },
  culture_corridor: { label: '法治文化长廊', group: '五个载体', tiers: ['county', 'township', 'village'] },
  culture_wall: { label: '法治文化墙', group: '五个载体', tiers: ['county', 'township', 'village'] },
  culture_column: { label: '法治宣传专栏', group: '五个载体', tiers: ['county', 'township', 'village'] },
  book_corner: { label: '法治图书角', group: '五个载体', tiers: ['township', 'village'] },
  law_library: { label: '法治图书室', group: null, tiers: ['township', 'village'] },
  comprehensive_center: { label: '综治中心', group: null, tiers: ['county', 'township', 'village'] },
  legal_aid_center: { label: '法律援助中心', group: '法律援助网络', tiers: ['county'] },
  legal_aid_station: { label: '法律援助工作站', group: '法律援助网络', tiers: ['township'] },
  legal_aid_contact_point: { label: '法律援助联络点', group: '法律援助网络', tiers: ['village'] },
  pls_center: { label: '公共法律服务中心', group: '公共法律服务平台', tiers: ['county'] },
  pls_station: { label: '公共法律服务工作站', group: '公共法律服务平台', tiers: ['township'] },
  pls_room: { label: '公共法律服务工作室', group: '公共法律服务平台', tiers: ['village'] },
  reasoning_point: { label: '居民评理说事点', group: null, tiers: ['village'] },
  law_supermarket: { label: '法治超市', group: null, tiers: ['township', 'village'] },
};

/** Types a unit of this tier may register, so the registry form offers only sensible choices. */
export function facilityTypesForTier(tier: FacilityTier): FacilityType[] {
  return facilityTypes.filter((t) => facilityTypeInfo[t].tiers.includes(tier));
}

/** Which types of a group (e.g. 两室, 五个载体) a place lacks, by Chinese label. */
export function missingInGroup(group: string, tier: FacilityTier, present: readonly FacilityType[]): string[] {
  const have = new Set(present);
  return facilityTypes
    .filter((t) => facilityTypeInfo[t].group === group && facilityTypeInfo[t].tiers.includes(tier) && !have.has(t))
    .map((t) => facilityTypeInfo[t].label);
}

/** Share of places (e.g. villages) with at least one facility of `type`, e.g. 居民评理说事点全覆盖. */
export function facilityCoverage(
  placeIds: readonly number[],
  facilities: readonly { orgId: number; type: FacilityType }[],
  type: FacilityType,
): Coverage<number> {
  return coverage(
    placeIds,
    facilities.filter((f) => f.type === type).map((f) => f.orgId),
  );
}
