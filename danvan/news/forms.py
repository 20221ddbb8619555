from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import ScopedForm, ScopedModelForm
from danvan.news.html import sanitised
from danvan.news.models import Article, ArticlePhoto


class ArticleForm(ScopedModelForm):
    published_at = forms.DateTimeField(label=_("Publication time"), required=False, input_formats=["%d/%m/%Y %H:%M", "%d/%m/%Y"],
                                       widget=forms.DateTimeInput(format="%d/%m/%Y %H:%M", attrs={"placeholder": "dd/mm/yyyy hh:mm"}),
                                       help_text=_("Left empty, the time the article is published."))

    class Meta:
        model = Article
        fields = ["unit", "title", "lead", "body", "byline", "categories", "tags", "published_at",
                  "missions", "meetings", "dialogues", "decisions", "initiatives"]
        widgets = {"lead": forms.Textarea(attrs={"rows": 3}),
                   "body": forms.Textarea(attrs={"rows": 16, "data-rich-editor": ""}),
                   "categories": forms.CheckboxSelectMultiple}

    def clean_body(self):
        """Scripts and styles are taken out here already, so that the editor shows the writer what is left."""
        body, removed = sanitised(self.cleaned_data.get("body", ""))
        if removed:
            self.data = self.data.copy()
            self.data[self.add_prefix("body")] = body
            raise forms.ValidationError(_("The body held scripts or styles; they have been removed. Check the text, then save again."))
        return body

    def links(self):
        return {name: self.cleaned_data.get(name) or [] for name in Article.LINKS}


class PhotoForm(ScopedModelForm):
    class Meta:
        model = ArticlePhoto
        fields = ["image", "caption", "order"]
        widgets = {"image": forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/gif,image/webp"})}


class MoveForm(ScopedForm):
    action = forms.ChoiceField(choices=[("submit", "submit"), ("publish", "publish"), ("return", "return")])
    note = forms.CharField(label=_("Reason or note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
