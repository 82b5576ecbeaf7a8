// 组织与宣传 (work plan points 1, 4 and 10; docs/spec/fieldwork-and-organisation.md): the values the
// publicity log, the 领导小组 roster and the device hand-overs take.

export const PUBLICITY_KINDS = [
  '新闻报道',
  '广播电视',
  '网络新媒体',
  '标语横幅',
  '宣传资料',
  '公益广告',
  '宣传活动',
  '其他',
] as const;

/** A member's post in the 领导小组 (or its office), in the order the roster lists them. */
export const GROUP_POSTS = ['组长', '副组长', '成员', '办公室主任', '办公室副主任', '联络员'] as const;

export const DEVICE_KINDS = ['PAD', '系统账号', '其他'] as const;

/**
 * 在用 and 故障 are still with the holder until a return date is entered; 遗失 (reported lost) and
 * 已注销 (an account closed, a device written off) are settled without a return.
 */
export const DEVICE_STATES = ['在用', '故障', '遗失', '已注销'] as const;
export const SETTLED_DEVICE_STATES: readonly string[] = ['遗失', '已注销'];
