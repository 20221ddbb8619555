from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.response import Response

from danvan.accounts.tokens import issue_token


class ObtainTokenView(ObtainAuthToken):
    """``POST username, password`` → ``{"token": …}``: DRF's view, issuing through ``issue_token``."""

    def post(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return Response({"token": issue_token(serializer.validated_data["user"]).key})
