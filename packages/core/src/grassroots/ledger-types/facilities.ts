import { defineLedger } from '../../ledgers/definition.ts';
import { comprehensiveCenterRoomLabels, comprehensiveCenterRooms } from '../comprehensive-center-rooms.ts';
import {
  type FacilityType,
  facilityTierLabels,
  facilityTiers,
  facilityTypeInfo,
  facilityTypes,
} from '../facilities.ts';

/**
 * 法治阵地. The 公共法律服务 centres/stations/rooms live in the ledger engine's `pls_facility`; this registry holds
 * the other facility types of `../facilities.ts`. Storage keys:
 * - law_facility: name (unique), facility_type, tier (county|township|village), location, built_date,
 *   service_minutes (legal-aid network: travel time to the nearest point, for the 1-hour service circle),
 *   standardised (boolean), photo (attachment)
 * - center_room: center_name (unique), set_up_date, rooms (multi-select of the 综治中心 standard rooms set up),
 *   staffed_rooms (multi-select: rooms with staff to run them) — one row per centre
 */
export const lawFacilityTypes: FacilityType[] = facilityTypes.filter(
  (t) => facilityTypeInfo[t].group !== '公共法律服务平台',
);

export const lawFacility = defineLedger({
  key: 'law_facility',
  name: '法治阵地',
  category: '普法依法治理',
  description: '“两室”、“五个载体”、综治中心、法治图书室、法律援助网络、居民评理说事点等，每处一行（附照片）',
  dateField: 'built_date',
  fields: [
    { key: 'name', label: '阵地名称', kind: 'text', required: true, unique: true, maxLength: 100 },
    {
      key: 'facility_type',
      label: '阵地类型',
      kind: 'enum',
      required: true,
      options: lawFacilityTypes.map((key) => ({ key, label: facilityTypeInfo[key].label })),
    },
    {
      key: 'tier',
      label: '层级',
      kind: 'enum',
      required: true,
      options: facilityTiers.map((key) => ({ key, label: facilityTierLabels[key] })),
    },
    { key: 'location', label: '地址', kind: 'text', required: true, maxLength: 200 },
    { key: 'built_date', label: '建成日期', kind: 'date', required: true },
    {
      key: 'service_minutes',
      label: '服务半径用时',
      kind: 'number',
      integer: true,
      min: 0,
      max: 600,
      unit: '分钟',
      help: '法律援助网络填写：辖区最远群众到本服务点的用时，用于“1小时服务圈”',
    },
    { key: 'standardised', label: '按标准建成', kind: 'boolean' },
    { key: 'photo', label: '照片', kind: 'attachment' },
  ],
  listColumns: ['name', 'facility_type', 'tier', 'location', 'standardised', 'photo'],
  filters: ['facility_type', 'tier', 'standardised', 'name'],
  sortable: ['name', 'service_minutes'],
});

const roomOptions = comprehensiveCenterRooms.map((key) => ({ key, label: comprehensiveCenterRoomLabels[key] }));

export const centerRoom = defineLedger({
  key: 'center_room',
  name: '综治中心功能室',
  category: '普法依法治理',
  description: '综治中心按标准设置的功能室及人员配备，每个中心一行，勾选已设置和已配备人员的功能室',
  dateField: 'set_up_date',
  fields: [
    { key: 'center_name', label: '综治中心', kind: 'text', required: true, unique: true, maxLength: 100 },
    { key: 'set_up_date', label: '设置日期', kind: 'date', required: true },
    { key: 'rooms', label: '已设置功能室', kind: 'multi_enum', required: true, options: roomOptions },
    { key: 'staffed_rooms', label: '已配备人员的功能室', kind: 'multi_enum', options: roomOptions },
  ],
  listColumns: ['center_name', 'rooms', 'staffed_rooms'],
  filters: ['rooms', 'center_name'],
});

export const facilityLedgers = [lawFacility, centerRoom];
