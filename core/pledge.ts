// 保密承诺书 (work plan point 11): a 签署日期 means it was signed, so a date given alone records
// 已签署; 未签署 with a date is a contradiction; marking it 未签署 drops a stored date.
type Get = (key: string) => unknown;

export function pledgeIssues(v: Record<string, unknown>, get: Get): { path: string; message: string }[] {
  if (v.pledgeDate != null && v.pledgeStatus == null && get('pledgeStatus') !== '已签署') v.pledgeStatus = '已签署';
  if (v.pledgeStatus === '未签署' && !('pledgeDate' in v && v.pledgeDate != null) && get('pledgeDate') != null)
    v.pledgeDate = null;
  if (get('pledgeStatus') === '未签署' && get('pledgeDate') != null)
    return [{ path: 'pledgeDate', message: '保密承诺书为未签署时不应填写签署日期' }];
  return [];
}
