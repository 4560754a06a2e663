import { extractOfficials as extractWithConfidence } from '../../../../src/importer/entities/officials';
import { withoutConfidences } from '../../../helpers/extraction';

const extractOfficials = (paragraphs: string[], reporters: string[]) => withoutConfidences(extractWithConfidence(paragraphs, reporters));
const officials = (text: string, reporters: string[] = []) => extractOfficials([text], reporters);

describe('officials', () => {
  it('title chain joined by 、 before a name followed by 在', () => {
    expect(officials('省委常委、市委书记张建华在中原区调研企业复工情况。')).toEqual([
      { name: '张建华', titles: ['省委常委', '市委书记'] },
    ]);
  });

  it('和 ends a name before another person, but is the name’s own last character before a verb or punctuation', () => {
    expect(officials('副市长方继和出席仪式并致辞。')).toEqual([{ name: '方继和', titles: ['副市长'] }]);
    expect(officials('出席的还有副市长方继和、孟凡宇。')).toEqual([
      { name: '方继和', titles: ['副市长'] },
      { name: '孟凡宇', titles: ['副市长'] },
    ]);
    expect(officials('市委书记方继和市长孟凡宇出席。')).toEqual([
      { name: '方继', titles: ['市委书记'] },
      { name: '孟凡宇', titles: ['市长'] },
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

  it('a head post after its government keeps the place before the government as printed', () => {
    expect(officials('临澧县人民政府副县长罗一鸣主持会议，县政府县长卢青出席。')).toEqual([
      { name: '罗一鸣', titles: ['临澧县人民政府副县长'] },
      { name: '卢青', titles: ['县政府县长'] },
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

  it('a list ending in 等出席, a title belonging to the names after it until the next title', () => {
    expect(officials('副市长张志远、李明、市委常委、秘书长赵刚等出席会议。')).toEqual([
      { name: '张志远', titles: ['副市长'] },
      { name: '李明', titles: ['副市长'] },
      { name: '赵刚', titles: ['市委常委', '秘书长'] },
    ]);
  });

  it('a title shared by a list that no verb of attendance closes', () => {
    expect(officials('副市长崔明亮、蒋文涛，惠济区委书记穆红霞等参加活动。')).toEqual([
      { name: '崔明亮', titles: ['副市长'] },
      { name: '蒋文涛', titles: ['副市长'] },
      { name: '穆红霞', titles: ['惠济区委书记'] },
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
    expect(extractOfficials(['市长周立主持会议。', '市委副书记、市长周立强调，要抓落实。', '周立指出，要实干。'], [])).toEqual([
      { name: '周立', titles: ['市长', '市委副书记'] },
    ]);
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

  it('a name right before a time word: 日前, 近日, 当天', () => {
    expect(officials('郑东新区党工委书记、管委会主任阎振华日前主持召开专题会议。')).toEqual([
      { name: '阎振华', titles: ['郑东新区党工委书记', '管委会主任'] },
    ]);
    expect(officials('市委常委、市纪委书记、市监委主任路明远近日在部署会上要求。管委会主任尚海东当天到现场。')).toEqual([
      { name: '路明远', titles: ['市委常委', '市纪委书记', '市监委主任'] },
      { name: '尚海东', titles: ['管委会主任'] },
    ]);
  });

  it('acting, executive and deputy heads of government, of any level', () => {
    expect(officials('代市长韩立军宣布开工，常务副市长邵一鸣主持，新郑市委副书记、代市长蒙志国出席。')).toEqual([
      { name: '韩立军', titles: ['代市长'] },
      { name: '邵一鸣', titles: ['常务副市长'] },
      { name: '蒙志国', titles: ['新郑市委副书记', '代市长'] },
    ]);
  });

  it('places of any province, development zones and foreign cities, kept as printed, without a list of places', () => {
    expect(
      officials(
        '湖北省副省长吕建峰，上海市浦东新区副区长詹立平，江苏省苏州市工业园区管委会副主任沈嘉诚，' +
          '韩国清州市市长金泰延率团考察，实验区党工委副书记、管委会主任皮文博陪同。',
      ),
    ).toEqual([
      { name: '吕建峰', titles: ['湖北省副省长'] },
      { name: '詹立平', titles: ['上海市浦东新区副区长'] },
      { name: '沈嘉诚', titles: ['江苏省苏州市工业园区管委会副主任'] },
      { name: '金泰延', titles: ['韩国清州市市长'] },
      { name: '皮文博', titles: ['实验区党工委副书记', '管委会主任'] },
    ]);
  });

  it('department heads at any level: the department is named after its level or place', () => {
    expect(
      officials(
        '省商务厅副厅长聂晓光介绍，河南省生态环境厅厅长郇建军、中原区城市管理局局长芦婷，市文化广电和旅游局副局长茅文静参加。',
      ),
    ).toEqual([
      { name: '聂晓光', titles: ['省商务厅副厅长'] },
      { name: '郇建军', titles: ['河南省生态环境厅厅长'] },
      { name: '芦婷', titles: ['中原区城市管理局局长'] },
      { name: '茅文静', titles: ['市文化广电和旅游局副局长'] },
    ]);
  });

  it('a head post that begins with its organ stands for both after the organ\'s name: 局长, 部长, 次长', () => {
    expect(officials('县农业局长林远山、科技部长高明远和经济部常务次长程远帆出席。')).toEqual([
      { name: '林远山', titles: ['县农业局长'] },
      { name: '高明远', titles: ['科技部长'] },
      { name: '程远帆', titles: ['经济部常务次长'] },
    ]);
    expect(officials('局长林远山说，要抓好落实。')).toEqual([]);
  });

  it('the words before a title stop at a verb: 会见了, 由, 在', () => {
    expect(officials('市长何思远会见了德国杜伊斯堡市副市长卡尔·贝克尔一行。会议由市政府副秘书长滕晓阳主持。')).toEqual([
      { name: '何思远', titles: ['市长'] },
      { name: '卡尔·贝克尔', titles: ['德国杜伊斯堡市副市长'] },
      { name: '滕晓阳', titles: ['市政府副秘书长'] },
    ]);
  });

  it('a conjunction inside a department name stays, between two people it ends the title', () => {
    expect(officials('会议由省住房和城乡建设厅厅长孔立平主持，企业家顾明和市政协主席钟华出席。')).toEqual([
      { name: '孔立平', titles: ['省住房和城乡建设厅厅长'] },
      { name: '钟华', titles: ['市政协主席'] },
    ]);
  });

  it('university and company posts and scholars, foreign ones too, are no officials', () => {
    expect(
      officials(
        '南阳理工学院党委书记郜文清出席，伊河智能装备有限公司董事长苗振宇表示，中国科学院院士柏文渊、' +
          '荷兰代尔夫特理工大学教授扬·范德伯格等作报告，某公司办公室主任邬小川介绍。',
      ),
    ).toEqual([]);
  });

  it('a transliterated name joined by a dot is read whole after a title, never as a surname and given name', () => {
    expect(officials('副省长孔立平与新西伯利亚州副州长谢尔盖·伊万诺夫一行出席洽谈会。')).toEqual([
      { name: '孔立平', titles: ['副省长'] },
      { name: '谢尔盖·伊万诺夫', titles: ['新西伯利亚州副州长'] },
    ]);
    expect(officials('伊万诺夫·谢尔盖出席洽谈会。')).toEqual([]);
  });
});
