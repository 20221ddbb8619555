"""Articles, pages and API, as anonymous, as each role and as a user of another unit (``core/tests/cases.py``)."""

from danvan.core.tests.cases import ApiCases, PageCases
from danvan.news.models import Article


class ArticleFixtures:
    model = Article
    unchecked = ("read_version", "body", "categories", "missions", "meetings", "dialogues", "decisions", "initiatives")


class TestArticlePages(ArticleFixtures, PageCases):
    list_route, detail_route, create_route, update_route = "news:list", "news:detail", "news:create", "news:update"

    def create_data(self, tree):
        return {"unit": tree.cc1.pk, "title": "Hội nghị giao ban công tác dân vận 9 tháng đầu năm",
                "lead": "Sáng ngày 03/10, Thường trực Huyện ủy tổ chức Hội nghị giao ban.", "body": "<p>Nội dung</p>",
                "byline": "Tin và ảnh: Văn phòng Huyện ủy", "tags": "giao ban, dân vận", "published_at": ""}

    def update_data(self, tree, record):
        return {**self.create_data(tree), "title": "Hội nghị giao ban (sửa)", "read_version": record.version}


class TestArticleApi(ArticleFixtures, ApiCases):
    api_url = "/api/v1/articles/"

    def create_data(self, tree):
        return {"unit": tree.cc1.pk, "title": "Hội nghị giao ban công tác dân vận", "lead": "Sáng ngày 03/10 …",
                "body": "<p>Nội dung</p>", "byline": "Văn phòng Huyện ủy", "tags": "", "published_at": None,
                "categories": [], "missions": [], "meetings": [], "dialogues": [], "decisions": [], "initiatives": []}

    def update_data(self, tree, record):
        return {"title": "Hội nghị giao ban (sửa)"}
