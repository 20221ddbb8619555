from danvan.core.inbox import waiting_count


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"current_scope": None}
    return {"current_scope": user.scope, "waiting_count": waiting_count(user)}
