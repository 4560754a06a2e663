/**
 * What editors see fields and types called: bilingual, English then Chinese. Plain data, read by
 * the server (the content manager's views, src/desk/admin-views.ts) and bundled into the admin (the
 * desk's previews, and the Simplified Chinese translations of the content manager's columns).
 */

export const CONTENT_TYPE_LABELS: Record<string, Record<string, string>> = {
  'api::article.article': {
    kicker: 'Kicker 引题', confidence: 'Confidence 置信度', title: 'Title 标题', subtitle: 'Subtitle 副题', titleGenerated: 'Title generated 标题为自动生成',
    outlet: 'Outlet 媒体', credits: 'Credits 署名', dateline: 'Dateline 电头日期', eventDate: 'Event date 事件日期',
    issueDate: 'Issue date 出版日期', page: 'Page 版次', continuedOn: 'Continued on 转版',
    continuedFrom: 'Continued from 上接', body: 'Body 正文', figures: 'Figures 数据', source: 'Source 来源',
    reviewFlags: 'Review flags 待核事项', sourceKey: 'Source key 导入键', reviewStatus: 'Review status 审核状态',
    officials: 'Officials 官员', projects: 'Projects 项目', researchPlatforms: 'Research platforms 科研平台',
    sourcePage: 'Source page 来源版面',
  },
  'api::official.official': { name: 'Name 姓名', posts: 'Posts 职务', confidence: 'Confidence 置信度', articles: 'Articles 文章' },
  'api::project.project': { name: 'Name 项目名称', stage: 'Stage 阶段', confidence: 'Confidence 置信度', articles: 'Articles 文章' },
  'api::research-platform.research-platform': {
    name: 'Name 名称', nameGenerated: 'Name generated 名称为自动生成', kind: 'Kind 类别',
    hostInstitution: 'Host institution 依托单位', confidence: 'Confidence 置信度', articles: 'Articles 文章',
  },
  'api::page.page': {
    fileName: 'File name 文件名', sha256: 'SHA-256 校验值', issueDate: 'Issue date 出版日期', page: 'Page 版次',
    lineCount: 'Lines 行数', unassigned: 'Unassigned text 未归属文字', articles: 'Articles 文章',
  },
};

export const COMPONENT_LABELS: Record<string, Record<string, string>> = {
  'article.credit': { name: 'Name 姓名', role: 'Role 角色', printedRole: 'Printed role 署名原文', confidence: 'Confidence 置信度' },
  'article.review-flag': { code: 'Code 代码', message: 'Message 说明', line: 'Line 行号' },
  'official.post': { title: 'Title 职务', firstSeen: 'First seen 首见', lastSeen: 'Last seen 最近见' },
  'page.unassigned-text': { firstLine: 'First line 起始行', lastLine: 'Last line 结束行', text: 'Text 文字', reason: 'Reason 原因' },
};

/**
 * The content types' display names (their schema.json `displayName`), which the admin translates
 * by themselves; the desk's bookkeeping types too, which Strapi's home page lists among the last
 * edited entries.
 */
export const TYPE_DISPLAY_NAMES = [
  'Article 文章',
  'Official 官员',
  'Project 项目',
  'Research Platform 科研平台',
  'Page 版面',
  'Alias 别名',
  'Import run 导入记录',
  'Deleted article 已删除文章',
];

/** The Chinese half of a bilingual label (`Issue date 出版日期` → `出版日期`), or the label when it has none. */
export function chineseOf(label: string): string {
  const at = label.search(/[\u3400-\u9fff]/u);
  return at < 0 ? label : label.slice(at);
}
