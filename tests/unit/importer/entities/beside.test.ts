import { besideSelectedName } from '../../../../src/importer/entities/beside';

/** Pages written for this test: what an editor selects is a name the parser left unlinked. */
const page = (...blocks: string[]) => blocks.join('\n\n');

describe('what the print says beside a name an editor links by hand', () => {
  it("reads the titles printed right before an official's name, chained or joined by 、", () => {
    const printed = page('本报讯 昨日，市委常委、副市长陈晓东带队检查防汛工作，区长孙一鸣陪同。');
    expect(besideSelectedName(printed, 'official', '陈晓东')).toEqual({ titles: ['市委常委', '副市长'] });
    expect(besideSelectedName(printed, 'official', '孙一鸣')).toEqual({ titles: ['区长'] });
  });

  it('reads the page as the parser does: lines joined, a column break inside a sentence joining its halves', () => {
    expect(besideSelectedName(page('本报讯 昨日，市委常委、', '副市长陈\n晓东带队检查防汛工作。'), 'official', '陈晓东')).toEqual({
      titles: ['市委常委', '副市长'],
    });
  });

  it('gives an official no titles where none are printed before the name, or the name is not printed', () => {
    const printed = page('陈晓东说，汛期将至，各单位要压实责任。');
    expect(besideSelectedName(printed, 'official', '陈晓东')).toEqual({ titles: [] });
    expect(besideSelectedName(printed, 'official', '李四海')).toEqual({ titles: [] });
  });

  it("takes a project's stage from its own sentence, the verb after the name first, else the article's event", () => {
    const lead = '城南片区三个项目昨日集中开工。';
    expect(
      besideSelectedName(page(lead, '其中，河畔污水处理厂扩建工程已于去年竣工投用，今年将新增管网。'), 'project', '河畔污水处理厂扩建工程'),
    ).toEqual({
      stage: 'completed',
    });
    expect(besideSelectedName(page(lead, '滨河绿道提升工程全长8公里。'), 'project', '滨河绿道提升工程')).toEqual({
      stage: 'groundbreaking',
    });
    expect(besideSelectedName(page('滨河绿道提升工程全长8公里。'), 'project', '滨河绿道提升工程')).toEqual({ stage: null });
  });

  it("reads a platform's kind from its name", () => {
    expect(besideSelectedName(page('省里新认定一批创新平台。'), 'researchPlatform', '城市水环境工程技术研究中心')).toEqual({
      kind: '工程技术研究中心',
    });
  });
});
