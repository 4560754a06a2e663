import type { Schema, Struct } from '@strapi/strapi';

export interface ArticleCredit extends Struct.ComponentSchema {
  collectionName: 'components_article_credits';
  info: {
    description: 'A person credited in the byline, with what they did and the role as printed.';
    displayName: 'Credit \u7F72\u540D';
  };
  attributes: {
    name: Schema.Attribute.String & Schema.Attribute.Required;
    printedRole: Schema.Attribute.String;
    role: Schema.Attribute.Enumeration<
      ['reporter', 'correspondent', 'intern', 'photographer', 'other']
    > &
      Schema.Attribute.Required;
  };
}

export interface ArticleFigure extends Struct.ComponentSchema {
  collectionName: 'components_article_figures';
  info: {
    description: 'A number a reader would quote, with its label and unit.';
    displayName: 'Figure \u6570\u636E';
  };
  attributes: {
    label: Schema.Attribute.String & Schema.Attribute.Required;
    unit: Schema.Attribute.String;
    value: Schema.Attribute.Decimal & Schema.Attribute.Required;
  };
}

export interface ArticleReviewFlag extends Struct.ComponentSchema {
  collectionName: 'components_article_review_flags';
  info: {
    description: 'Something the importer could not settle, for the editor who reviews the article.';
    displayName: 'Review flag \u5F85\u6838\u4E8B\u9879';
  };
  attributes: {
    code: Schema.Attribute.String & Schema.Attribute.Required;
    line: Schema.Attribute.Integer;
    message: Schema.Attribute.Text;
  };
}

export interface ArticleSource extends Struct.ComponentSchema {
  collectionName: 'components_article_sources';
  info: {
    description: 'Where the article was imported from, and its text as printed.';
    displayName: 'Source \u6765\u6E90';
  };
  attributes: {
    fileName: Schema.Attribute.String;
    firstLine: Schema.Attribute.Integer;
    lastLine: Schema.Attribute.Integer;
    rawText: Schema.Attribute.Text;
    sha256: Schema.Attribute.String;
  };
}

export interface OfficialPost extends Struct.ComponentSchema {
  collectionName: 'components_official_posts';
  info: {
    description: "A title printed before the official's name, with the first and last issue that printed it.";
    displayName: 'Post \u804C\u52A1';
  };
  attributes: {
    firstSeen: Schema.Attribute.Date;
    lastSeen: Schema.Attribute.Date;
    title: Schema.Attribute.String & Schema.Attribute.Required;
  };
}

export interface PageUnassignedText extends Struct.ComponentSchema {
  collectionName: 'components_page_unassigned_texts';
  info: {
    description: 'Printed text that belongs to no article (page furniture, a fragment), with its lines.';
    displayName: 'Unassigned text \u672A\u5F52\u5C5E\u6587\u5B57';
  };
  attributes: {
    firstLine: Schema.Attribute.Integer;
    lastLine: Schema.Attribute.Integer;
    reason: Schema.Attribute.String;
    text: Schema.Attribute.Text;
  };
}

declare module '@strapi/strapi' {
  export namespace Public {
    export interface ComponentSchemas {
      'article.credit': ArticleCredit;
      'article.figure': ArticleFigure;
      'article.review-flag': ArticleReviewFlag;
      'article.source': ArticleSource;
      'official.post': OfficialPost;
      'page.unassigned-text': PageUnassignedText;
    }
  }
}
