import { describe, expect, it } from 'vitest';
import { parseQuantity } from './quantity.ts';

describe('parseQuantity', () => {
  it.each([
    ['1.19万人', { value: 11900, unit: '人', approx: null }],
    ['约1095.63万元', { value: 10956300, unit: '元', approx: '约' }],
    ['1464余万元', { value: 14640000, unit: '元', approx: '余' }],
    ['3万余', { value: 30000, unit: null, approx: '余' }],
    ['3万余人', { value: 30000, unit: '人', approx: '余' }],
    ['300余人', { value: 300, unit: '人', approx: '余' }],
    ['20多家', { value: 20, unit: '家', approx: '多' }],
    ['近300条', { value: 300, unit: '条', approx: '近' }],
    ['超过10%', { value: 10, unit: '%', approx: '超过' }],
    ['95%以上', { value: 95, unit: '%', approx: '以上' }],
    ['逾千人', { value: 1000, unit: '人', approx: '逾' }],
    ['百分之九十九', { value: 99, unit: '%', approx: null }],
    ['百分之九十九点五', { value: 99.5, unit: '%', approx: null }],
    ['一百二十三件', { value: 123, unit: '件', approx: null }],
    ['１２３人次', { value: 123, unit: '人次', approx: null }],
    ['1,234件', { value: 1234, unit: '件', approx: null }],
    ['2.5亿元', { value: 250000000, unit: '元', approx: null }],
    ['12672人次', { value: 12672, unit: '人次', approx: null }],
    ['25场次', { value: 25, unit: '场次', approx: null }],
    ['3个百分点', { value: 3, unit: '个百分点', approx: null }],
    ['13分', { value: 13, unit: '分', approx: null }],
    ['贰拾万元', { value: 200000, unit: '元', approx: null }],
    ['两千零五名', { value: 2005, unit: '名', approx: null }],
    ['1.2萬人', { value: 12000, unit: '人', approx: null }],
  ])('%s', (text, expected) => {
    expect(parseQuantity(text)).toMatchObject(expected);
  });

  it('reads ranges with the lower bound as value', () => {
    expect(parseQuantity('3至5件')).toMatchObject({ value: 3, upper: 5, unit: '件' });
    expect(parseQuantity('3-5人')).toMatchObject({ value: 3, upper: 5, unit: '人' });
    expect(parseQuantity('3~5人')).toMatchObject({ value: 3, upper: 5, unit: '人' });
    expect(parseQuantity('1.2至1.5万元')).toMatchObject({ value: 12000, upper: 15000, unit: '元' });
  });

  it.each(['2019年', '3月', '12月31日', '两个月', '十九届', '5年', '24小时', '1号', '人民', '', '第三'])(
    'is not a quantity: %j',
    (text) => {
      expect(parseQuantity(text)).toBeNull();
    },
  );
});
