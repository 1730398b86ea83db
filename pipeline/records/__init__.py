"""Raw article records: the shape, how they are decoded, and their stable ids."""

from pipeline.records.article import Article, article_from_mapping

__all__ = ["Article", "article_from_mapping"]
