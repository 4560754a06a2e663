import { extractEntities } from '../../../../src/importer/entities';
import { withoutConfidences } from '../../../helpers/extraction';
import { ARTICLE_1, ARTICLE_2, ARTICLE_3, REPORTERS } from './sample-page';

const context = { reporters: REPORTERS };
const [first, second, third] = [ARTICLE_1, ARTICLE_2, ARTICLE_3].map((paragraphs) => withoutConfidences(extractEntities(paragraphs, context)));

describe('sample page 000_c63cc6bb5a561820', () => {
  it('article 1: the two titled leaders, then the 市领导 list in printed order', () => {
    expect(first!.officials).toEqual([
      { name: '安伟', titles: ['省委常委', '市委书记'] },
      { name: '何雄', titles: ['市委副书记', '市长'] },
      ...['田海涛', '虎强', '魏东', '史占勇', '陈宏伟', '潘开名', '王鸿勋', '马志峰', '翟政', '范建勋', '郝伟'].map((name) => ({
        name,
        titles: [],
      })),
    ]);
  });

  it('article 2: the mayor and the 等出席会议 list, but nothing from 会议指出/强调/要求', () => {
    expect(second!.officials).toEqual([
      { name: '何雄', titles: ['市长'] },
      ...['史占勇', '李黔淼', '陈宏伟', '石秀田', '潘开名', '陈红民', '王鸿勋', '马志峰', '李凤芝', '翟政', '范建勋', '郝伟'].map(
        (name) => ({ name, titles: [] }),
      ),
    ]);
  });

  it('article 3 names no official', () => {
    expect(third!.officials).toEqual([]);
  });

  it('17 distinct officials across the page, none of them a reporter', () => {
    const names = new Set([first!, second!, third!].flatMap((entities) => entities.officials.map(({ name }) => name)));
    expect(names.size).toBe(17);
    for (const reporter of REPORTERS) expect(names.has(reporter)).toBe(false);
  });

  it('article 1: six projects with their stages', () => {
    expect(first!.projects).toEqual([
      { name: '安图生物体外诊断产业园（一期）生产线', stage: 'in_production' },
      { name: '一汽解放新能源商用车项目', stage: 'groundbreaking' },
      { name: '腾讯（中原）智慧产业总部项目', stage: 'signed' },
      { name: '盒子智行科技新能源整车项目', stage: 'signed' },
      { name: '天集产城人工智能基地项目', stage: 'signed' },
      { name: '八通技术研发中心项目', stage: 'signed' },
    ]);
    expect(second!.projects).toEqual([]);
    expect(third!.projects).toEqual([]);
  });

  it('article 3: four platforms, two quoted and two with generated names', () => {
    expect(third!.researchPlatforms).toEqual([
      {
        name: '河南省伏牛山生物资源与生态环境野外科学观测研究站',
        nameGenerated: false,
        kind: '野外科学观测研究站',
        host: '郑州大学',
      },
      {
        name: '河南省农业高效用水野外科学观测研究站',
        nameGenerated: false,
        kind: '野外科学观测研究站',
        host: '中国农业科学院农田灌溉研究所',
      },
      { name: '河南师范大学应用数学中心', nameGenerated: true, kind: '应用数学中心', host: '河南师范大学' },
      { name: '华北水利水电大学应用数学中心', nameGenerated: true, kind: '应用数学中心', host: '华北水利水电大学' },
    ]);
    expect(first!.researchPlatforms).toEqual([]);
    expect(second!.researchPlatforms).toEqual([]);
  });

  it('article 1: the three category counts and the signing count, no dates or ordinals', () => {
    expect(first!.figures).toEqual([
      { label: '郑州分会场“投产一批”项目', value: 138, unit: '个' },
      { label: '“开工一批”项目', value: 131, unit: '个' },
      { label: '“签约一批”项目', value: 34, unit: '个' },
      { label: '项目', value: 15, unit: '个' },
    ]);
    expect(second!.figures).toEqual([]);
  });

  it('article 3: new stations and centres, then the respective totals', () => {
    expect(third!.figures).toEqual([
      { label: '省野外科学观测研究站', value: 5, unit: '家' },
      { label: '省应用数学中心', value: 4, unit: '家' },
      { label: '全省野外科学观测研究站总数', value: 23, unit: '家' },
      { label: '全省应用数学中心总数', value: 6, unit: '家' },
    ]);
  });
});
