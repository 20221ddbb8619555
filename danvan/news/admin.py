from django.contrib import admin

from danvan.core.admin import ModelAdmin, TabularInline
from danvan.news.models import Article, ArticlePhoto, Category


@admin.register(Category)
class CategoryAdmin(ModelAdmin):
    list_display = ("name", "slug", "order")


class PhotoInline(TabularInline):
    model = ArticlePhoto
    extra = 0


@admin.register(Article)
class ArticleAdmin(ModelAdmin):
    list_display = ("title", "unit", "status", "published_at")
    search_fields = ("search_text",)
    raw_id_fields = ("unit", "missions", "meetings", "dialogues", "decisions", "initiatives")
    inlines = [PhotoInline]
