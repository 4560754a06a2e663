import { extractResearchPlatforms } from '../../../../src/importer/entities/platforms';
import { withoutConfidences } from '../../../helpers/extraction';

const platforms = (text: string) => withoutConfidences(extractResearchPlatforms([text]));

describe('research platforms', () => {
  it('a quoted name hosted by the 依托 institution, kind = longest known suffix', () => {
    expect(platforms('依托河南大学组建的“河南省作物逆境生物学重点实验室”正式揭牌。')).toEqual([
      { name: '河南省作物逆境生物学重点实验室', nameGenerated: false, kind: '重点实验室', host: '河南大学' },
    ]);
  });

  it('a quoted name ending in a known kind without 依托 has no host', () => {
    expect(platforms('“河南省智能农机装备工程技术研究中心”通过验收。')).toEqual([
      { name: '河南省智能农机装备工程技术研究中心', nameGenerated: false, kind: '工程技术研究中心', host: null },
    ]);
  });

  it('an unnamed kind after 依托…建设的 gets the generated name host + kind', () => {
    expect(platforms('其中，依托郑州轻工业大学建设的技术创新中心将聚焦食品装备。')).toEqual([
      { name: '郑州轻工业大学技术创新中心', nameGenerated: true, kind: '技术创新中心', host: '郑州轻工业大学' },
    ]);
  });

  it('an unquoted but specific name after 依托…共建的 is kept as printed', () => {
    expect(platforms('依托河南工业大学共建的粮食储运国家工程研究中心投入运行。')).toEqual([
      { name: '粮食储运国家工程研究中心', nameGenerated: false, kind: '工程研究中心', host: '河南工业大学' },
    ]);
  });

  it('an unquoted name unveiled at an institution is hosted there', () => {
    expect(platforms('6月3日，湖北省骨科生物材料重点实验室揭牌仪式在武汉协和医院举行。')).toEqual([
      { name: '湖北省骨科生物材料重点实验室', nameGenerated: false, kind: '重点实验室', host: '武汉协和医院' },
    ]);
    // A bare kind names nothing to unveil.
    expect(platforms('重点实验室揭牌仪式在武汉协和医院举行。')).toEqual([]);
  });

  it('unquoted kinds without 依托 are not platforms', () => {
    expect(
      platforms(
        '引进一流高校科研院所郑州研究院，此次建设的省野外站和省应用数学中心，新建5家省重点实验室，八通技术研发中心项目签约。',
      ),
    ).toEqual([]);
  });

  it('a quotation without a known kind is not a platform', () => {
    expect(platforms('围绕筹备“元宇宙论坛”开展工作。')).toEqual([]);
  });

  it('platforms come out in reading order, quoted or not', () => {
    expect(
      platforms('依托甲大学建设的重点实验室已运行，依托乙研究所建设的“河南省乙类材料工程技术研究中心”同时揭牌。').map(
        ({ name }) => name,
      ),
    ).toEqual(['甲大学重点实验室', '河南省乙类材料工程技术研究中心']);
  });
});
