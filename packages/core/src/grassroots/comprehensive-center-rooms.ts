/** The standard rooms of a 综治中心 (社会治理综合服务中心), as the county standard lists them. */
export const comprehensiveCenterRooms = [
  'center_office',
  'legal_training',
  'grid_management',
  'pls_room',
  'mediation_room',
  'residents_talk_room',
  'law_books',
  'counselling_room',
  'video_monitoring',
  'police_room',
] as const;
export type ComprehensiveCenterRoom = (typeof comprehensiveCenterRooms)[number];
export const comprehensiveCenterRoomLabels: Record<ComprehensiveCenterRoom, string> = {
  center_office: '综治中心办公室',
  legal_training: '法治培训中心',
  grid_management: '网格化服务管理中心',
  pls_room: '公共法律服务工作室',
  mediation_room: '人民调解室',
  residents_talk_room: '居民说事室',
  law_books: '法治书屋',
  counselling_room: '心理疏导室',
  video_monitoring: '雪亮工程监控室',
  police_room: '社区警务室',
};

export type RoomCheck = {
  total: number;
  working: number;
  /** Rooms not set up at all. */
  notSetUp: string[];
  /** Rooms set up but without staff to run them. */
  unstaffed: string[];
  isStandard: boolean;
};

/**
 * A room counts as working only when it is set up AND staffed: county reports found rooms built to standard that
 * could not operate for lack of trained people, and the checklist must show that gap separately.
 */
export function checkComprehensiveCenterRooms(
  rooms: readonly { room: ComprehensiveCenterRoom; isStaffed: boolean }[],
): RoomCheck {
  const setUp = new Set(rooms.map((r) => r.room));
  const staffed = new Set(rooms.filter((r) => r.isStaffed).map((r) => r.room));
  const label = (r: ComprehensiveCenterRoom) => comprehensiveCenterRoomLabels[r];
  const notSetUp = comprehensiveCenterRooms.filter((r) => !setUp.has(r)).map(label);
  const unstaffed = comprehensiveCenterRooms.filter((r) => setUp.has(r) && !staffed.has(r)).map(label);
  const working = comprehensiveCenterRooms.length - notSetUp.length - unstaffed.length;
  return {
    total: comprehensiveCenterRooms.length,
    working,
    notSetUp,
    unstaffed,
    isStandard: working === comprehensiveCenterRooms.length,
  };
}
