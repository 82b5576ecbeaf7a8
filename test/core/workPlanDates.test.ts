// The work plan's deadlines moved with 标准时点, and the dataset's village names as places.
import { describe, expect, it } from 'vitest';
import { moveDeadline } from '../../core/workPlan';
import { shortTownshipName, shortVillageName } from '../../core/divisions/towns';

describe('moveDeadline', () => {
  it('keeps a month end a month end when 标准时点 moves between month ends', () => {
    expect(moveDeadline('2018-03-31', '2017-12-31', '2027-12-31')).toBe('2028-03-31');
    expect(moveDeadline('2018-11-30', '2017-12-31', '2018-01-31')).toBe('2018-12-31');
    expect(moveDeadline('2018-02-28', '2017-12-31', '2019-12-31')).toBe('2020-02-29');
  });
  it('moves by days otherwise, and leaves an open-ended item open', () => {
    expect(moveDeadline('2018-01-31', '2017-12-31', '2018-01-10')).toBe('2018-02-10');
    expect(moveDeadline('2018-03-15', '2018-01-15', '2018-02-15')).toBe('2018-04-15');
    expect(moveDeadline(null, '2017-12-31', '2018-01-10')).toBeNull();
  });
});

describe('names from the division dataset', () => {
  it('names a village, not its committee', () => {
    expect(shortVillageName('古楼沟村村民委员会')).toBe('古楼沟村');
    expect(shortVillageName('金凤村委会')).toBe('金凤村');
    expect(shortVillageName('真武山社区居民委员会')).toBe('真武山社区');
    expect(shortVillageName('城关居委会')).toBe('城关社区');
    expect(shortVillageName('某某嘎查')).toBe('某某嘎查');
    expect(shortTownshipName('漓东街道办事处')).toBe('漓东街道');
  });
});
