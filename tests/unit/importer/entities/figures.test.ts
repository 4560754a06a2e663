import { extractFigures } from '../../../../src/importer/entities/figures';

const figures = (text: string) => extractFigures([text]);

describe('figures', () => {
  it('number after its noun: the label is the noun phrase before it', () => {
    expect(figures('全市“开工一批”项目86个，总投资达到520.5亿元。')).toEqual([
      { label: '全市“开工一批”项目', value: 86, unit: '个' },
      { label: '总投资', value: 520.5, unit: '亿元' },
    ]);
  });

  it('number before its noun: the label is what follows the unit', () => {
    expect(figures('新认定12家高新技术企业和3家省级孵化器。')).toEqual([
      { label: '高新技术企业', value: 12, unit: '家' },
      { label: '省级孵化器', value: 3, unit: '家' },
    ]);
  });

  it('percentages keep the verb that says what changed', () => {
    expect(figures('一季度全市规上工业增加值增长8.2%。')).toEqual([
      { label: '一季度全市规上工业增加值增长', value: 8.2, unit: '%' },
    ]);
  });

  it('分别: one label per number, sharing the aggregate noun and the scope', () => {
    expect(figures('全市高新技术企业和科技型中小企业数量分别达到5000家和1.2万家。')).toEqual([
      { label: '全市高新技术企业数量', value: 5000, unit: '家' },
      { label: '全市科技型中小企业数量', value: 1.2, unit: '万家' },
    ]);
  });

  it('dates, ordinals, Chinese numerals and page codes are not figures', () => {
    expect(figures('1月28日上午，第七期“三个一批”活动举行，第3个项目在一季度投产，更多报道请继续阅读A04版。')).toEqual([]);
  });

  it('long labels keep the head noun, starting after a 的 when there is one', () => {
    const [figure] = figures('郑州航空港经济综合实验区新签约的先进制造业和现代服务业项目共计45个。');
    expect(figure).toEqual({ label: '先进制造业和现代服务业项目', value: 45, unit: '个' });
  });

  it('a number before 的 describes the noun before it', () => {
    expect(figures('总投资50亿元的中州铝业高端铝材项目正式投产。')).toEqual([{ label: '总投资', value: 50, unit: '亿元' }]);
  });

  it('a magnitude stays with the unit, an approximation does not', () => {
    expect(figures('区内跨境电商包裹量达到1.6亿件，食堂首日接待老人300余人次。')).toEqual([
      { label: '区内跨境电商包裹量', value: 1.6, unit: '亿件' },
      { label: '食堂首日接待老人', value: 300, unit: '人次' },
    ]);
  });

  it('a number inside a project name is no figure', () => {
    expect(figures('年产30万吨特种玻璃纤维项目开工，总投资12亿元。')).toEqual([{ label: '总投资', value: 12, unit: '亿元' }]);
  });

  it('a span of time is no figure; a noun after the unit ends before 的; a label starts after a project name', () => {
    expect(figures('今年前7个月，检查组察看了3家企业的污染治理设施。')).toEqual([{ label: '企业', value: 3, unit: '家' }]);
    expect(figures('首批开工的年产10万台电机项目总投资18亿元。')).toEqual([{ label: '总投资', value: 18, unit: '亿元' }]);
  });

  it('the noun phrase after a unit ends at a verb or a stage word', () => {
    expect(figures('12个项目现场签约，5家企业签订协议，15家实验室入选。')).toEqual([
      { label: '项目', value: 12, unit: '个' },
      { label: '企业', value: 5, unit: '家' },
      { label: '实验室', value: 15, unit: '家' },
    ]);
  });
});
