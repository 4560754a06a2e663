import { extractProjects as extractWithConfidence } from '../../../../src/importer/entities/projects';
import { withoutConfidences } from '../../../helpers/extraction';

const extractProjects = (paragraphs: string[]) => withoutConfidences(extractWithConfidence(paragraphs));
const projects = (text: string) => extractProjects([text]);

describe('projects', () => {
  it('stage word + 项目 + name up to the clause end', () => {
    expect(projects('与会人员观摩了竣工投产项目宏达新材料产业园（二期），随后召开座谈会。')).toEqual([
      { name: '宏达新材料产业园（二期）', stage: 'in_production' },
    ]);
  });

  it('a name ending in 项目 takes the nearest stage verb in its clause', () => {
    expect(projects('在华科智能装备制造项目现场参加全市重大项目集中开工活动。')).toEqual([
      { name: '华科智能装备制造项目', stage: 'groundbreaking' },
    ]);
  });

  it('a 、 list of projects ending in 等N个项目签约: names as printed, never a trailing 等', () => {
    expect(projects('见证恒远（郑州）数据中心项目、新港冷链物流园项目等12个项目签约。')).toEqual([
      { name: '恒远（郑州）数据中心项目', stage: 'signed' },
      { name: '新港冷链物流园项目', stage: 'signed' },
    ]);
  });

  it('签约仪式 and 签署 mark a signing, 奠基 a groundbreaking', () => {
    expect(projects('光谷半导体封装测试项目签约仪式举行。当天，绿源再生资源利用项目奠基。')).toEqual([
      { name: '光谷半导体封装测试项目', stage: 'signed' },
      { name: '绿源再生资源利用项目', stage: 'groundbreaking' },
    ]);
  });

  it('a project named without any stage event is background, not a project', () => {
    expect(projects('今年的重点工程包括滨河生态廊道项目。')).toEqual([]);
    expect(projects('会议安排部署了滨河生态廊道项目，该项目将于明年开工。')).toEqual([]);
  });

  it('generic determiners, counts and quoted categories are not projects', () => {
    expect(
      projects(
        '郑州分会场“投产一批”项目138个，我市项目集中开工，15个项目签约，确保重点项目开工，' +
          '推动一批优质项目签约，以高质量项目建设推动发展，“三个一批”项目建设活动举行。',
      ),
    ).toEqual([]);
  });

  it('a conjunction right before 项目 joins a word to the bare noun: 成果和项目 names no project', () => {
    expect(projects('课题组积累了研究方法和项目管理经验，青峰电子元件产业园项目开工。')).toEqual([
      { name: '青峰电子元件产业园项目', stage: 'groundbreaking' },
    ]);
  });

  it('重点, 重大, 新建 make a name generic right before 项目 or before category words alone, not inside a proper name', () => {
    expect(projects('城南片区下半年重大项目昨日开工，重点工业项目同步推进。')).toEqual([]);
    expect(projects('投资3亿元的优质红茶深加工项目、城西新建冷链物流中心项目等一批项目开工建设。')).toEqual([
      { name: '优质红茶深加工项目', stage: 'groundbreaking' },
      { name: '城西新建冷链物流中心项目', stage: 'groundbreaking' },
    ]);
  });

  it('a sentence with no stage of its own takes the stage an earlier sentence of its paragraph reported', () => {
    expect(projects('推介会上，9个项目现场签约。云溪数据中心、北岸生物医药基地项目等一批示范项目，覆盖多个行业。')).toEqual([
      { name: '云溪数据中心', stage: 'signed' },
      { name: '北岸生物医药基地项目', stage: 'signed' },
    ]);
  });

  it('a stage verb before a task noun is work under way, no event: 落地建设工作, 签约事宜', () => {
    expect(projects('座谈会听取了红岩冷链物流园项目落地工作汇报。')).toEqual([]);
    expect(projects('红岩冷链物流园项目签约事宜已基本谈妥。')).toEqual([]);
    expect(projects('红岩冷链物流园项目正式落地。')).toEqual([{ name: '红岩冷链物流园项目', stage: 'signed' }]);
  });

  it('a head-noun subject of a stage after nothing but when it happened opens its sentence', () => {
    expect(projects('日前，滨江智造小镇二号标准厂房举行奠基仪式。')).toEqual([{ name: '滨江智造小镇二号标准厂房', stage: 'groundbreaking' }]);
    expect(projects('5月3日上午，临港冷链产业园正式开工。')).toEqual([{ name: '临港冷链产业园', stage: 'groundbreaking' }]);
    expect(projects('据介绍，滨江智造小镇二号标准厂房举行奠基仪式。')).toEqual([]);
  });

  it('a bare 等 closes a list whose every member ends like a project', () => {
    expect(projects('当天开工项目12个。其中，精密轴承产业化基地、汽车线束生产线、光伏玻璃项目等填补了省内空白。')).toEqual([
      { name: '精密轴承产业化基地', stage: 'groundbreaking' },
      { name: '汽车线束生产线', stage: 'groundbreaking' },
      { name: '光伏玻璃项目', stage: 'groundbreaking' },
    ]);
  });

  it('项目 in a clause with neither a stage verb nor a lead-in is not a project', () => {
    expect(projects('要重抓项目，抓好项目后期达产达效。')).toEqual([]);
  });

  it('one entry per project per article', () => {
    expect(extractProjects(['见证新港冷链物流园项目签约。', '新港冷链物流园项目签约后将加快建设。'])).toEqual([
      { name: '新港冷链物流园项目', stage: 'signed' },
    ]);
  });

  it('a name after 总投资…的 starts after 的; a stage verb inside the name makes it a category', () => {
    expect(projects('总投资50亿元的中州铝业高端铝材项目正式投产。')).toEqual([
      { name: '中州铝业高端铝材项目', stage: 'in_production' },
    ]);
    expect(projects('本次集中签约项目45个，开工项目30个。')).toEqual([]);
  });

  it('a number with its unit inside a name is part of the name; a bare count is no name', () => {
    expect(projects('年产30万吨特种玻璃纤维项目、年产1.2万套智能家居产品项目同步开工奠基。')).toEqual([
      { name: '年产30万吨特种玻璃纤维项目', stage: 'groundbreaking' },
      { name: '年产1.2万套智能家居产品项目', stage: 'groundbreaking' },
    ]);
    expect(projects('见证八通技术研发中心项目等15个项目签约。')).toEqual([{ name: '八通技术研发中心项目', stage: 'signed' }]);
  });

  it('竣工 marks a project completed; 揭牌 and 投用 mark it in production', () => {
    expect(projects('郑州南站配套道路项目竣工，中原数字出版产业园项目揭牌，洛源精密轴承智能产线项目正式投用。')).toEqual([
      { name: '郑州南站配套道路项目', stage: 'completed' },
      { name: '中原数字出版产业园项目', stage: 'in_production' },
      { name: '洛源精密轴承智能产线项目', stage: 'in_production' },
    ]);
  });

  it('落地 is a stage only right after the name', () => {
    expect(projects('伊河智能装备产业基地项目落地洛阳高新区，推动更多合作项目落地。')).toEqual([
      { name: '伊河智能装备产业基地项目', stage: 'signed' },
    ]);
    expect(projects('见证伊河智能装备产业基地项目，推动政策落地。')).toEqual([]);
  });

  it('the name of an event about projects is no project', () => {
    expect(projects('河南湖北产业协作推介说明暨项目签约会在郑州举行。')).toEqual([]);
    expect(projects('2023郑州国际物流产业招商推介暨重点项目签约会举行。')).toEqual([]);
  });

  it('a group of projects reaching a stage together is no project', () => {
    expect(projects('许昌市新能源汽车产业项目集中开工活动举行。')).toEqual([]);
  });

  it('an announcing verb ends what came before the project: 某某宣布项目开工 names no project', () => {
    expect(projects('管委会主任邹明宣布项目开工。')).toEqual([]);
    expect(projects('区长邹明宣布东城物流园项目开工。')).toEqual([{ name: '东城物流园项目', stage: 'groundbreaking' }]);
  });
});

describe('project confidence', () => {
  const confidenceOf = (paragraph: string, name: string) =>
    extractWithConfidence([paragraph]).find((project) => project.name === name)?.confidence;

  it('doubts a name that names no place, organisation or figure, more so a short one, and one holding a function word', () => {
    const anchored = confidenceOf('昨日，东林县青石湾物流园项目正式开工。', '东林县青石湾物流园项目');
    const unanchored = confidenceOf('昨日，青石湾物流园项目正式开工。', '青石湾物流园项目');
    const short = confidenceOf('昨日，仓储载体项目正式开工。', '仓储载体项目');
    const loose = confidenceOf('昨日，设于青石湾物流园项目正式开工。', '设于青石湾物流园项目');
    expect(anchored).toBeDefined();
    expect(unanchored!).toBeLessThan(anchored!);
    expect(short!).toBeLessThan(unanchored!);
    expect(loose!).toBeLessThan(unanchored!);
    expect(confidenceOf('昨日，年产5万吨青石纸业项目正式开工。', '年产5万吨青石纸业项目')).toBe(anchored);
  });
});
