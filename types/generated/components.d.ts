import type { Schema, Struct } from '@strapi/strapi';

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

declare module '@strapi/strapi' {
  export namespace Public {
    export interface ComponentSchemas {
      'article.figure': ArticleFigure;
      'article.source': ArticleSource;
    }
  }
}
