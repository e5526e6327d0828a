import { type OrgKind, orgKindLabels } from './org.schemas.ts';

/**
 * Where a unit of a given kind may sit in the tree. A 网格 (grid) is the level below a 村（社区）: it may only be
 * created under, or moved to, a village or community, and nothing is placed under a grid. Other kinds keep their
 * free placement. Returns the Chinese refusal, or null when the placement is allowed.
 */
export function placementError(kind: OrgKind, parent: { kind: OrgKind; name: string }): string | null {
  if (kind === 'grid' && parent.kind !== 'village')
    return `网格只能设在村（社区）之下，所选上级单位“${parent.name}”是${orgKindLabels[parent.kind]}`;
  if (parent.kind === 'grid') return `网格“${parent.name}”之下不能再设下级单位`;
  return null;
}
