import { extractOfficials } from '../../../../src/importer/entities/officials';

const officials = (text: string, reporters: string[] = []) => extractOfficials([text], reporters);

describe('officials', () => {
  it('title chain joined by 、 before a name followed by 在', () => {
    expect(officials('省委常委、市委书记张建华在中原区调研企业复工情况。')).toEqual([
      { name: '张建华', titles: ['省委常委', '市委书记'] },
    ]);
  });

  it('a name immediately followed by 主持 ends before it', () => {
    expect(officials('市委副书记、市长刘文主持会议并讲话。')).toEqual([{ name: '刘文', titles: ['市委副书记', '市长'] }]);
  });

  it('congress, CPPCC, deputy and district titles', () => {
    expect(
      officials('副省长孙立新，市人大常委会主任郭志红，市政协主席黄建设，常务副市长邓卫东，区委书记钱晓宇出席活动。'),
    ).toEqual([
      { name: '孙立新', titles: ['副省长'] },
      { name: '郭志红', titles: ['市人大常委会主任'] },
      { name: '黄建设', titles: ['市政协主席'] },
      { name: '邓卫东', titles: ['常务副市长'] },
      { name: '钱晓宇', titles: ['区委书记'] },
    ]);
  });

  it('several people each with titles, separated by ，', () => {
    expect(officials('省委常委、市委书记杨光明，市长周立，市委副书记吴晓东出席。')).toEqual([
      { name: '杨光明', titles: ['省委常委', '市委书记'] },
      { name: '周立', titles: ['市长'] },
      { name: '吴晓东', titles: ['市委副书记'] },
    ]);
  });

  it('place prefixes, standalone posts and organ-prefixed ministers', () => {
    expect(officials('河南省副省长冯海，市委常委、秘书长沈立群，市委宣传部部长韩梅陪同。')).toEqual([
      { name: '冯海', titles: ['河南省副省长'] },
      { name: '沈立群', titles: ['市委常委', '秘书长'] },
      { name: '韩梅', titles: ['市委宣传部部长'] },
    ]);
  });

  it('a compound surname takes one or two given-name characters', () => {
    expect(officials('副市长欧阳明远出席，市委常委司马青在会上讲话。')).toEqual([
      { name: '欧阳明远', titles: ['副市长'] },
      { name: '司马青', titles: ['市委常委'] },
    ]);
  });

  it('a list ending in 等出席, some items carrying titles', () => {
    expect(officials('副市长张志远、李明、市委常委、秘书长赵刚等出席会议。')).toEqual([
      { name: '张志远', titles: ['副市长'] },
      { name: '李明', titles: [] },
      { name: '赵刚', titles: ['市委常委', '秘书长'] },
    ]);
  });

  it('a group-label list without 等: the label is not a title', () => {
    expect(officials('市领导冯建国、胡晓、燕明凯参加。')).toEqual([
      { name: '冯建国', titles: [] },
      { name: '胡晓', titles: [] },
      { name: '燕明凯', titles: [] },
    ]);
  });

  it('one rare surname passes inside a clear list, a list of common nouns does not', () => {
    expect(officials('郭亮、佴文、黄涛等陪同。').map(({ name }) => name)).toEqual(['郭亮', '佴文', '黄涛']);
    expect(officials('企业、高校、医院等参加。')).toEqual([]);
  });

  it('the subject of a speech verb at the start of a clause', () => {
    expect(officials('王志强强调，要抓好项目建设。徐丽指出，要压实责任。')).toEqual([
      { name: '王志强', titles: [] },
      { name: '徐丽', titles: [] },
    ]);
  });

  it('会议指出/会议强调/会议要求 and 表示 name no one', () => {
    expect(officials('会议指出，要认清责任。会议强调，要抓实。会议要求，要落实。张华表示，很受鼓舞。')).toEqual([]);
  });

  it('reporters are never officials', () => {
    expect(officials('市领导刘洋、张明等参加。', ['刘洋'])).toEqual([{ name: '张明', titles: [] }]);
  });

  it('one entry per person per article, titles accumulating in printed order', () => {
    expect(
      extractOfficials(['市长周立主持会议。', '市委副书记、市长周立强调，要抓落实。', '周立指出，要实干。'], []),
    ).toEqual([{ name: '周立', titles: ['市长', '市委副书记'] }]);
  });

  it('a group label alone names no one', () => {
    expect(officials('分管市领导分别部署重点工作。')).toEqual([]);
  });

  it('party department posts printed without the level prefix, after 市委常委', () => {
    expect(officials('市委常委、组织部部长韩青，市委常委、宣传部部长罗敏出席。')).toEqual([
      { name: '韩青', titles: ['市委常委', '组织部部长'] },
      { name: '罗敏', titles: ['市委常委', '宣传部部长'] },
    ]);
  });

  it('titles with another city as place prefix, and a name followed by 到', () => {
    expect(officials('省委书记、省人大常委会主任楼明远到洛阳调研，洛阳市委书记江凌陪同。')).toEqual([
      { name: '楼明远', titles: ['省委书记', '省人大常委会主任'] },
      { name: '江凌', titles: ['洛阳市委书记'] },
    ]);
  });
});
